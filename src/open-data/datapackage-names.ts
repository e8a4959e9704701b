/** File names of the bulk download that pages link to (apart from the package code itself). */
export const ZIP_NAME = 'ashyq-data.zip';
export const DESCRIPTOR_NAME = 'datapackage.json';
