// Relative asset URLs, so the build works from any folder of a server.
export default { base: "./" };
