import type { ConnectionState, Transport } from "./transport";

/** What the editor's helper process puts on the page: a script message
 * handler named "vstkit" (page to plugin) and a "vstkit-message" event on
 * window (plugin to page, the message already parsed). */
interface WebKitHandlers {
  webkit?: { messageHandlers?: { vstkit?: { postMessage(text: string): void } } };
}

export function hasWebViewBridge(): boolean {
  return (window as unknown as WebKitHandlers).webkit?.messageHandlers?.vstkit !== undefined;
}

/** The plugin's own web view: always connected while the page lives. */
export class WebViewTransport implements Transport {
  readonly state: ConnectionState = "connected";
  private readonly listeners: ((message: unknown) => void)[] = [];
  private readonly onEvent = (event: Event): void => {
    const detail = (event as CustomEvent<unknown>).detail;
    for (const listener of this.listeners) listener(detail);
  };

  constructor() {
    window.addEventListener("vstkit-message", this.onEvent);
  }

  send(text: string): void {
    (window as unknown as WebKitHandlers).webkit?.messageHandlers?.vstkit?.postMessage(text);
  }

  onMessage(listener: (message: unknown) => void): void {
    this.listeners.push(listener);
  }

  onStateChange(): void {
    // Never changes.
  }

  close(): void {
    window.removeEventListener("vstkit-message", this.onEvent);
  }
}
