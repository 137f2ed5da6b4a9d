import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The build lands where the plugin's build asks (VSTKIT_WEB_UI_OUT) and is
// packed into the plugin; relative paths, because the page is served from
// inside the plugin (vstkit://ui/), never from a server root. @vstkit/ui is
// a link to the installed kit: its imports resolve here, in this project.
export default defineConfig({
  plugins: [react()],
  base: "./",
  resolve: { dedupe: ["react", "react-dom"], preserveSymlinks: true },
  build: {
    outDir: process.env["VSTKIT_WEB_UI_OUT"] ?? "dist",
    emptyOutDir: true,
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 400,
  },
});
