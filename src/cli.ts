/**
 * The command-line face of the compiler and the matcher: `transformers-glossary check|build|lookup|scan`.
 */
process.stdout.write('transformers-glossary: not implemented yet\n');
