export const TEMPLATE_DATABASE = 'ocop_test_template'
