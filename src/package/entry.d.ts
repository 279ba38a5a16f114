
/**
 * Loads the WebAssembly (once) and defines <drug-leaflet>. Importing the
 * package already does; the promise resolves when the element is defined and
 * rejects (after a console line saying why) when the WebAssembly cannot load.
 */
export declare function defineElement(): Promise<void>;
