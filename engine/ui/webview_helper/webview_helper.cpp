// vstkit-webview: shows a plugin's web editor page for the editor in the
// host's process, which starts it. It embeds itself in the editor's X11
// window (XEmbed, through a GtkPlug), serves the page's files from the
// archive it is given (fd 4) under vstkit://ui/, and relays the bridge's
// messages between the page and the editor's socket (fd 3). It exits when
// that socket closes (the editor closed, or the host died) or its window
// goes. WebKitGTK and GTK live only here, never in the host's process.
#include <gtk/gtk.h>
#include <gtk/gtkx.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <webkit2/webkit2.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

#include "file_archive.h"
#include "helper_protocol.h"

namespace vstkit::ui::helper {
namespace {

constexpr std::string_view kPageOrigin = "vstkit://ui/";
constexpr const char* kStartPage = "vstkit://ui/index.html";
/// Only the plugin's own files: no network, no other origin, no plugins.
constexpr const char* kContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
    "base-uri 'none'; form-action 'none'";
/// Put on the page before its own scripts: how messages from the plugin arrive.
constexpr const char* kBridgeScript =
    "window.__vstkitReceive = (message) => "
    "window.dispatchEvent(new CustomEvent('vstkit-message', { detail: message }));";

struct Options {
    unsigned long parent = 0;
    int width = 480;
    int height = 320;
    double scale = 1.0;
};

struct Helper {
    FileArchive* archive = nullptr;
    WebKitWebView* view = nullptr;
    std::string received;
    bool loaded = false;
};

/// Writes one line to the editor; the editor gone ends the helper.
void sendLine(char kind, std::string_view text) {
    std::string line;
    line.reserve(text.size() + 2);
    line += kind;
    line += text;
    line += '\n';
    std::string_view rest = line;
    while (!rest.empty()) {
        const ssize_t written = write(kSocketFd, rest.data(), rest.size());
        if (written < 0 && errno == EINTR) {
            continue;
        }
        if (written <= 0) {
            gtk_main_quit();
            return;
        }
        rest.remove_prefix(static_cast<std::size_t>(written));
    }
}

bool parseOptions(int argc, char** argv, Options& options) {
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string_view name = argv[i];
        const char* value = argv[i + 1];
        char* end = nullptr;
        if (name == "--parent") {
            options.parent = std::strtoul(value, &end, 0);
        } else if (name == "--width") {
            options.width = static_cast<int>(std::strtol(value, &end, 10));
        } else if (name == "--height") {
            options.height = static_cast<int>(std::strtol(value, &end, 10));
        } else if (name == "--scale") {
            options.scale = std::strtod(value, &end);
        } else {
            return false;
        }
        if (end == value || *end != '\0') {
            return false;
        }
    }
    return options.parent != 0 && options.width > 0 && options.height > 0 && options.scale >= 0.5 &&
           options.scale <= 4.0;
}

void servePageFile(WebKitURISchemeRequest* request, gpointer data) {
    const auto& helper = *static_cast<Helper*>(data);
    std::string_view uri = webkit_uri_scheme_request_get_uri(request);
    std::string path;
    if (uri.starts_with(kPageOrigin)) {
        uri.remove_prefix(kPageOrigin.size());
        path = std::string(uri.substr(0, uri.find_first_of("?#")));
    }
    const auto file = path.empty() ? std::nullopt : helper.archive->find(path);
    if (!file) {
        GError* error = g_error_new(G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "not in the plugin: %s",
                                    webkit_uri_scheme_request_get_uri(request));
        webkit_uri_scheme_request_finish_error(request, error);
        g_error_free(error);
        return;
    }
    GInputStream* stream = g_memory_input_stream_new_from_data(
        file->data(), static_cast<gssize>(file->size()), nullptr);
    WebKitURISchemeResponse* response =
        webkit_uri_scheme_response_new(stream, static_cast<gint64>(file->size()));
    webkit_uri_scheme_response_set_content_type(response, std::string(mimeTypeOf(path)).c_str());
    SoupMessageHeaders* headers = soup_message_headers_new(SOUP_MESSAGE_HEADERS_RESPONSE);
    soup_message_headers_append(headers, "Content-Security-Policy", kContentSecurityPolicy);
    webkit_uri_scheme_response_set_http_headers(response, headers);  // Takes the headers.
    webkit_uri_scheme_request_finish_with_response(request, response);
    g_object_unref(response);
    g_object_unref(stream);
}

// In the 4.1 API the message comes wrapped in a WebKitJavascriptResult.
void onPageMessage(WebKitUserContentManager*, WebKitJavascriptResult* result, gpointer) {
    JSCValue* value = webkit_javascript_result_get_js_value(result);
    if (!jsc_value_is_string(value)) {
        return;  // The bridge client only posts text.
    }
    gchar* text = jsc_value_to_string(value);
    // A line per message: JSON text from JSON.stringify holds no raw newline.
    if (std::strchr(text, '\n') == nullptr) {
        sendLine(kBridgeMessage, text);
    }
    g_free(text);
}

void onProbeAnswered(GObject* view, GAsyncResult* result, gpointer) {
    GError* error = nullptr;
    JSCValue* value =
        webkit_web_view_evaluate_javascript_finish(WEBKIT_WEB_VIEW(view), result, &error);
    if (value == nullptr) {
        sendLine(kProbe, std::string("!") + (error != nullptr ? error->message : "no value"));
        if (error != nullptr) {
            g_error_free(error);
        }
        return;
    }
    gchar* text = jsc_value_to_string(value);
    sendLine(kProbe, text);
    g_free(text);
    g_object_unref(value);
}

/// Runs `function(argument)` in the page; `answered` (may be null) gets the value.
void evaluateCall(WebKitWebView* view, std::string_view function, std::string_view argument,
                  GAsyncReadyCallback answered) {
    std::string script(function);
    script += '(';
    script.append(argument);
    script += ')';
    webkit_web_view_evaluate_javascript(view, script.c_str(), static_cast<gssize>(script.size()),
                                        nullptr, nullptr, nullptr, answered, nullptr);
}

gboolean onEditorReadable(GIOChannel*, GIOCondition, gpointer data) {
    auto& helper = *static_cast<Helper*>(data);
    char buffer[65536];
    const ssize_t count = read(kSocketFd, buffer, sizeof buffer);
    if (count < 0 && (errno == EINTR || errno == EAGAIN)) {
        return TRUE;
    }
    if (count <= 0) {
        gtk_main_quit();  // The editor closed, or the host is gone.
        return FALSE;
    }
    helper.received.append(buffer, static_cast<std::size_t>(count));
    std::size_t start = 0;
    for (std::size_t end; (end = helper.received.find('\n', start)) != std::string::npos;
         start = end + 1) {
        const std::string_view line(helper.received.data() + start, end - start);
        if (!line.empty() && line.front() == kZoom) {
            const double scale = std::strtod(std::string(line.substr(1)).c_str(), nullptr);
            if (scale >= 0.5 && scale <= 4.0) {
                webkit_web_view_set_zoom_level(helper.view, scale);
            }
        } else if (!line.empty() && line.front() == kProbe) {
            // JSON.stringify: one line of text, whatever the value.
            evaluateCall(helper.view, "JSON.stringify", line.substr(1), onProbeAnswered);
        } else if (!line.empty() && line.front() == kBridgeMessage && helper.loaded) {
            // The plugin's messages are JSON, which is a JavaScript expression.
            evaluateCall(helper.view, "window.__vstkitReceive", line.substr(1), nullptr);
        }
    }
    helper.received.erase(0, start);
    return TRUE;
}

gboolean onDecidePolicy(WebKitWebView*, WebKitPolicyDecision* decision,
                        WebKitPolicyDecisionType type, gpointer) {
    if (type == WEBKIT_POLICY_DECISION_TYPE_RESPONSE) {
        return FALSE;
    }
    // Navigation stays inside the plugin's page; no new windows.
    if (type == WEBKIT_POLICY_DECISION_TYPE_NAVIGATION_ACTION) {
        auto* navigation = WEBKIT_NAVIGATION_POLICY_DECISION(decision);
        WebKitNavigationAction* action =
            webkit_navigation_policy_decision_get_navigation_action(navigation);
        const char* uri = webkit_uri_request_get_uri(webkit_navigation_action_get_request(action));
        if (uri != nullptr && std::string_view(uri).starts_with(kPageOrigin)) {
            webkit_policy_decision_use(decision);
            return TRUE;
        }
    }
    webkit_policy_decision_ignore(decision);
    return TRUE;
}

void onLoadChanged(WebKitWebView*, WebKitLoadEvent event, gpointer data) {
    auto& helper = *static_cast<Helper*>(data);
    if (event == WEBKIT_LOAD_FINISHED && !helper.loaded) {
        helper.loaded = true;
        sendLine(kLoaded, "");
    }
}

gboolean onLoadFailed(WebKitWebView*, WebKitLoadEvent, gchar* uri, GError* error, gpointer) {
    sendLine(kFailed, std::string("the page did not load (") + uri + "): " + error->message);
    return FALSE;
}

void onWebProcessTerminated(WebKitWebView*, WebKitWebProcessTerminationReason, gpointer) {
    sendLine(kFailed, "the page's web process ended");
    gtk_main_quit();
}

gboolean refuseContextMenu(WebKitWebView*, WebKitContextMenu*, GdkEvent*, WebKitHitTestResult*,
                           gpointer) {
    return TRUE;
}

/// Maps the page's file archive (fd 4); empty when there is none.
std::span<const std::uint8_t> mapArchive() {
    struct stat status {};
    if (fstat(kArchiveFd, &status) != 0 || status.st_size <= 0) {
        return {};
    }
    const auto size = static_cast<std::size_t>(status.st_size);
    void* bytes = mmap(nullptr, size, PROT_READ, MAP_PRIVATE, kArchiveFd, 0);
    if (bytes == MAP_FAILED) {
        return {};
    }
    return {static_cast<const std::uint8_t*>(bytes), size};
}

int run(int argc, char** argv) {
    Options options;
    if (!parseOptions(argc, argv, options)) {
        std::fprintf(stderr,
                     "vstkit-webview: started by a plugin's web editor, not by hand "
                     "(--parent XID --width W --height H --scale S)\n");
        return 2;
    }
    // Whatever else the host left open is not ours to hold.
    close_range(kArchiveFd + 1, ~0U, 0);
    std::signal(SIGPIPE, SIG_IGN);
    // The parent is an X11 window, whatever the desktop runs.
    setenv("GDK_BACKEND", "x11", 1);
    if (!gtk_init_check(&argc, &argv)) {
        sendLine(kFailed, "GTK cannot open the display");
        return 1;
    }
    FileArchive archive{mapArchive()};
    if (!archive.find("index.html")) {
        sendLine(kFailed, "the plugin carries no page (index.html)");
        return 1;
    }
    Helper helper;
    helper.archive = &archive;

    WebKitWebContext* context = webkit_web_context_new();
    webkit_web_context_register_uri_scheme(context, "vstkit", servePageFile, &helper, nullptr);
    WebKitSecurityManager* security = webkit_web_context_get_security_manager(context);
    webkit_security_manager_register_uri_scheme_as_secure(security, "vstkit");
    webkit_security_manager_register_uri_scheme_as_cors_enabled(security, "vstkit");

    WebKitUserContentManager* content = webkit_user_content_manager_new();
    g_signal_connect(content, "script-message-received::vstkit", G_CALLBACK(onPageMessage),
                     &helper);
    webkit_user_content_manager_register_script_message_handler(content, "vstkit");
    WebKitUserScript* bridgeScript =
        webkit_user_script_new(kBridgeScript, WEBKIT_USER_CONTENT_INJECT_TOP_FRAME,
                               WEBKIT_USER_SCRIPT_INJECT_AT_DOCUMENT_START, nullptr, nullptr);
    webkit_user_content_manager_add_script(content, bridgeScript);
    webkit_user_script_unref(bridgeScript);

    auto* view = WEBKIT_WEB_VIEW(g_object_new(WEBKIT_TYPE_WEB_VIEW, "web-context", context,
                                              "user-content-manager", content, nullptr));
    helper.view = view;
    WebKitSettings* settings = webkit_web_view_get_settings(view);
    webkit_settings_set_enable_developer_extras(settings,
                                                getenv("VSTKIT_WEBVIEW_DEBUG") != nullptr);
    webkit_settings_set_enable_write_console_messages_to_stdout(
        settings, getenv("VSTKIT_WEBVIEW_DEBUG") != nullptr);
    webkit_web_view_set_zoom_level(view, options.scale);
    const GdkRGBA background{0.09, 0.098, 0.11, 1.0};  // The page's own, so no white flash.
    webkit_web_view_set_background_color(view, &background);
    g_signal_connect(view, "decide-policy", G_CALLBACK(onDecidePolicy), &helper);
    g_signal_connect(view, "load-changed", G_CALLBACK(onLoadChanged), &helper);
    g_signal_connect(view, "load-failed", G_CALLBACK(onLoadFailed), &helper);
    g_signal_connect(view, "web-process-terminated", G_CALLBACK(onWebProcessTerminated), &helper);
    g_signal_connect(view, "context-menu", G_CALLBACK(refuseContextMenu), &helper);

    GtkWidget* plug = gtk_plug_new(static_cast<Window>(options.parent));
    gtk_window_set_default_size(GTK_WINDOW(plug), options.width, options.height);
    gtk_container_add(GTK_CONTAINER(plug), GTK_WIDGET(view));
    g_signal_connect(plug, "destroy", G_CALLBACK(gtk_main_quit), nullptr);

    GIOChannel* editor = g_io_channel_unix_new(kSocketFd);
    g_io_add_watch(editor, static_cast<GIOCondition>(G_IO_IN | G_IO_HUP | G_IO_ERR),
                   onEditorReadable, &helper);

    webkit_web_view_load_uri(view, kStartPage);
    gtk_widget_show_all(plug);
    gtk_main();
    g_io_channel_unref(editor);
    return 0;
}

}  // namespace
}  // namespace vstkit::ui::helper

int main(int argc, char** argv) {
    return vstkit::ui::helper::run(argc, argv);
}
