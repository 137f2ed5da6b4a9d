import { BridgeProvider } from "@vstkit/ui";
import "@vstkit/ui/styles.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { Editor } from "./Editor";
import "./editor.css";

const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <StrictMode>
      <BridgeProvider>
        <Editor />
      </BridgeProvider>
    </StrictMode>,
  );
}
