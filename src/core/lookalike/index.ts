// Lookalike detection and the protected-brands list.
export { detectLookalikes, LOOKALIKE_WEIGHTS } from './detect.ts';
export {
  findBrand,
  findBrandByDomain,
  isOwnedBy,
  isProtectedDomain,
  listBrandNames,
  listBrands,
  normalizeBrandName,
  type Brand,
  type BrandName,
  type BrandSector,
} from './brands.ts';
