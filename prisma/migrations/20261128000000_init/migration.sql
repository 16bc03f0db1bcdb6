-- Extensions used by search (issue 3) and the catalogue.
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;


-- CreateEnum
CREATE TYPE "ProducerKind" AS ENUM ('HOP_TAC_XA', 'DOANH_NGHIEP', 'HO_KINH_DOANH', 'TO_HOP_TAC');

-- CreateEnum
CREATE TYPE "ProducerStatus" AS ENUM ('PENDING', 'VERIFIED', 'REJECTED', 'SUSPENDED');

-- CreateEnum
CREATE TYPE "ProductStatus" AS ENUM ('DRAFT', 'PUBLISHED', 'ARCHIVED');

-- CreateEnum
CREATE TYPE "CertificateLevel" AS ENUM ('PROVINCIAL', 'NATIONAL');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('CUSTOMER', 'PRODUCER', 'EXPORT_BUYER', 'OFFICE_STAFF', 'ADMIN');

-- CreateEnum
CREATE TYPE "MemberRole" AS ENUM ('OWNER', 'STAFF');

-- CreateTable
CREATE TABLE "Region" (
    "slug" TEXT NOT NULL,
    "nameVi" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL,

    CONSTRAINT "Region_pkey" PRIMARY KEY ("slug")
);

-- CreateTable
CREATE TABLE "Province" (
    "code" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "nameVi" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "regionSlug" TEXT NOT NULL,

    CONSTRAINT "Province_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "Commune" (
    "code" TEXT NOT NULL,
    "provinceCode" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,

    CONSTRAINT "Commune_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "CommuneFormerName" (
    "id" SERIAL NOT NULL,
    "communeCode" TEXT NOT NULL,
    "formerCommune" TEXT,
    "formerDistrict" TEXT,

    CONSTRAINT "CommuneFormerName_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CraftVillage" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "craftVi" TEXT NOT NULL,
    "craftEn" TEXT NOT NULL,
    "storyVi" TEXT NOT NULL,
    "storyEn" TEXT NOT NULL,
    "since" INTEGER,
    "communeCode" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CraftVillage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Producer" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "ProducerKind" NOT NULL,
    "womenLed" BOOLEAN NOT NULL DEFAULT false,
    "ethnicMinority" BOOLEAN NOT NULL DEFAULT false,
    "status" "ProducerStatus" NOT NULL DEFAULT 'PENDING',
    "verifiedAt" TIMESTAMP(3),
    "registrationNumber" TEXT,
    "communeCode" TEXT NOT NULL,
    "villageId" TEXT,
    "storyVi" TEXT NOT NULL DEFAULT '',
    "storyEn" TEXT NOT NULL DEFAULT '',
    "phone" TEXT,
    "email" TEXT,
    "address" TEXT,
    "website" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Producer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProductGroup" (
    "code" TEXT NOT NULL,
    "nameVi" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL,

    CONSTRAINT "ProductGroup_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "ProductSubgroup" (
    "code" TEXT NOT NULL,
    "groupCode" TEXT NOT NULL,
    "nameVi" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL,

    CONSTRAINT "ProductSubgroup_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "Product" (
    "id" TEXT NOT NULL,
    "producerId" TEXT NOT NULL,
    "sku" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "groupCode" TEXT NOT NULL,
    "subgroupCode" TEXT NOT NULL,
    "nameVi" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "descriptionVi" TEXT NOT NULL DEFAULT '',
    "descriptionEn" TEXT NOT NULL DEFAULT '',
    "priceVnd" INTEGER NOT NULL,
    "unitVi" TEXT NOT NULL,
    "unitEn" TEXT NOT NULL,
    "weightGrams" INTEGER NOT NULL,
    "stock" INTEGER NOT NULL DEFAULT 0,
    "status" "ProductStatus" NOT NULL DEFAULT 'DRAFT',
    "publishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Product_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProductImage" (
    "id" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "altVi" TEXT NOT NULL,
    "altEn" TEXT NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ProductImage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Certificate" (
    "id" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "stars" INTEGER NOT NULL,
    "score" INTEGER,
    "level" "CertificateLevel" NOT NULL,
    "issuer" TEXT NOT NULL,
    "decisionNumber" TEXT NOT NULL,
    "decisionDate" DATE,
    "issuedOn" DATE NOT NULL,
    "expiresOn" DATE NOT NULL,
    "legalBasis" TEXT NOT NULL,
    "potentialFiveStar" BOOLEAN NOT NULL DEFAULT false,
    "revokedAt" TIMESTAMP(3),
    "revokedReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Certificate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "phone" TEXT,
    "passwordHash" TEXT,
    "roles" "Role"[] DEFAULT ARRAY['CUSTOMER']::"Role"[],
    "locale" TEXT NOT NULL DEFAULT 'vi',
    "emailVerifiedAt" TIMESTAMP(3),
    "company" TEXT,
    "country" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProducerMember" (
    "userId" TEXT NOT NULL,
    "producerId" TEXT NOT NULL,
    "role" "MemberRole" NOT NULL DEFAULT 'STAFF',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProducerMember_pkey" PRIMARY KEY ("userId","producerId")
);

-- CreateIndex
CREATE UNIQUE INDEX "Province_slug_key" ON "Province"("slug");

-- CreateIndex
CREATE INDEX "Province_regionSlug_idx" ON "Province"("regionSlug");

-- CreateIndex
CREATE INDEX "Commune_provinceCode_idx" ON "Commune"("provinceCode");

-- CreateIndex
CREATE INDEX "CommuneFormerName_communeCode_idx" ON "CommuneFormerName"("communeCode");

-- CreateIndex
CREATE UNIQUE INDEX "CraftVillage_slug_key" ON "CraftVillage"("slug");

-- CreateIndex
CREATE INDEX "CraftVillage_communeCode_idx" ON "CraftVillage"("communeCode");

-- CreateIndex
CREATE UNIQUE INDEX "Producer_slug_key" ON "Producer"("slug");

-- CreateIndex
CREATE INDEX "Producer_communeCode_idx" ON "Producer"("communeCode");

-- CreateIndex
CREATE INDEX "Producer_villageId_idx" ON "Producer"("villageId");

-- CreateIndex
CREATE INDEX "ProductSubgroup_groupCode_idx" ON "ProductSubgroup"("groupCode");

-- CreateIndex
CREATE UNIQUE INDEX "Product_slug_key" ON "Product"("slug");

-- CreateIndex
CREATE INDEX "Product_status_publishedAt_idx" ON "Product"("status", "publishedAt" DESC);

-- CreateIndex
CREATE INDEX "Product_groupCode_subgroupCode_idx" ON "Product"("groupCode", "subgroupCode");

-- CreateIndex
CREATE INDEX "Product_priceVnd_idx" ON "Product"("priceVnd");

-- CreateIndex
CREATE UNIQUE INDEX "Product_producerId_sku_key" ON "Product"("producerId", "sku");

-- CreateIndex
CREATE INDEX "ProductImage_productId_position_idx" ON "ProductImage"("productId", "position");

-- CreateIndex
CREATE INDEX "Certificate_productId_expiresOn_idx" ON "Certificate"("productId", "expiresOn");

-- CreateIndex
CREATE INDEX "Certificate_expiresOn_idx" ON "Certificate"("expiresOn");

-- CreateIndex
CREATE UNIQUE INDEX "Certificate_productId_decisionNumber_key" ON "Certificate"("productId", "decisionNumber");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE INDEX "ProducerMember_producerId_idx" ON "ProducerMember"("producerId");

-- AddForeignKey
ALTER TABLE "Province" ADD CONSTRAINT "Province_regionSlug_fkey" FOREIGN KEY ("regionSlug") REFERENCES "Region"("slug") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Commune" ADD CONSTRAINT "Commune_provinceCode_fkey" FOREIGN KEY ("provinceCode") REFERENCES "Province"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommuneFormerName" ADD CONSTRAINT "CommuneFormerName_communeCode_fkey" FOREIGN KEY ("communeCode") REFERENCES "Commune"("code") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CraftVillage" ADD CONSTRAINT "CraftVillage_communeCode_fkey" FOREIGN KEY ("communeCode") REFERENCES "Commune"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Producer" ADD CONSTRAINT "Producer_communeCode_fkey" FOREIGN KEY ("communeCode") REFERENCES "Commune"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Producer" ADD CONSTRAINT "Producer_villageId_fkey" FOREIGN KEY ("villageId") REFERENCES "CraftVillage"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProductSubgroup" ADD CONSTRAINT "ProductSubgroup_groupCode_fkey" FOREIGN KEY ("groupCode") REFERENCES "ProductGroup"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Product" ADD CONSTRAINT "Product_producerId_fkey" FOREIGN KEY ("producerId") REFERENCES "Producer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Product" ADD CONSTRAINT "Product_groupCode_fkey" FOREIGN KEY ("groupCode") REFERENCES "ProductGroup"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Product" ADD CONSTRAINT "Product_subgroupCode_fkey" FOREIGN KEY ("subgroupCode") REFERENCES "ProductSubgroup"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProductImage" ADD CONSTRAINT "ProductImage_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Certificate" ADD CONSTRAINT "Certificate_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProducerMember" ADD CONSTRAINT "ProducerMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProducerMember" ADD CONSTRAINT "ProducerMember_producerId_fkey" FOREIGN KEY ("producerId") REFERENCES "Producer"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Rules the database itself holds, whatever code writes to it.
ALTER TABLE "Product" ADD CONSTRAINT "Product_price_positive" CHECK ("priceVnd" > 0);
ALTER TABLE "Product" ADD CONSTRAINT "Product_stock_non_negative" CHECK ("stock" >= 0);
ALTER TABLE "Product" ADD CONSTRAINT "Product_weight_positive" CHECK ("weightGrams" > 0);
ALTER TABLE "Certificate" ADD CONSTRAINT "Certificate_stars_range" CHECK ("stars" BETWEEN 3 AND 5);
ALTER TABLE "Certificate" ADD CONSTRAINT "Certificate_score_band" CHECK (
  "score" IS NULL
  OR ("stars" = 3 AND "score" BETWEEN 50 AND 69)
  OR ("stars" = 4 AND "score" BETWEEN 70 AND 89)
  OR ("stars" = 5 AND "score" BETWEEN 90 AND 100)
);
ALTER TABLE "Certificate" ADD CONSTRAINT "Certificate_expiry_after_issue" CHECK ("expiresOn" > "issuedOn");
