import { BridgeProvider } from "@vstkit/ui";
import "@vstkit/ui/styles.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { GainEditor } from "./GainEditor";
import "./gain.css";

const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <StrictMode>
      <BridgeProvider>
        <GainEditor />
      </BridgeProvider>
    </StrictMode>,
  );
}
