// ./vstkit bench's web editor figures, on the gain's real page and processor
// in a host window (the same harness as the web editor test), under Xvfb:
//   - editor open to the page loaded, and to its controls shown (each of 5 opens);
//   - the bridge's round trip, page to plugin and back: a parameter.set posted
//     by the page until its reply reaches the page (500 in a row), timed in
//     the page with performance.now().
// Prints one JSON object. Run under xvfb-run.
#include "web_editor_harness.h"

#include <algorithm>
#include <cstdio>
#include <sstream>
#include <string>
#include <vector>

namespace {

using vstkit_gain::testing::Clock;
using vstkit_gain::testing::GainUnderTest;
using vstkit_gain::testing::HostedEditor;

double percentile(std::vector<double> values, double fraction) {
    std::sort(values.begin(), values.end());
    const auto index = static_cast<std::size_t>(fraction * static_cast<double>(values.size() - 1));
    return values[index];
}

/// The page's script: N parameter.set requests one after another, each
/// timed from postMessage to its reply; the times land in window.__vstkitRoundTrips.
constexpr const char* kRoundTrips =
    "(() => { window.__vstkitRoundTrips = null; const times = []; let next = 900000;"
    " const handler = window.webkit.messageHandlers.vstkit;"
    " const once = () => new Promise((done) => { const id = ++next; const start = "
    "performance.now();"
    "  const listener = (event) => { if (event.detail && event.detail.id === id) {"
    "   window.removeEventListener('vstkit-message', listener); times.push(performance.now() - "
    "start); done(); } };"
    "  window.addEventListener('vstkit-message', listener);"
    "  handler.postMessage(JSON.stringify({ jsonrpc: '2.0', id, method: 'parameter.set',"
    "   params: { id: 'gain', value: id % 2 === 0 ? -6 : -5 } })); });"
    " (async () => { for (let i = 0; i < 500; i++) await once(); window.__vstkitRoundTrips = "
    "times; })();"
    " return 1; })()";

std::vector<double> parseNumbers(const std::string& json) {
    std::vector<double> numbers;
    std::string text = json;
    std::replace(text.begin(), text.end(), ',', ' ');
    text.erase(std::remove(text.begin(), text.end(), '['), text.end());
    text.erase(std::remove(text.begin(), text.end(), ']'), text.end());
    std::istringstream stream(text);
    for (double value = 0.0; stream >> value;) {
        numbers.push_back(value);
    }
    return numbers;
}

}  // namespace

int main() {
    GainUnderTest gain;
    HostedEditor host{gain};
    if (!host.hasDisplay()) {
        std::fprintf(stderr, "web editor bench: no X display (run under xvfb-run)\n");
        return 1;
    }
    std::vector<double> loaded;
    std::vector<double> controls;
    for (int open = 0; open < 5; ++open) {
        std::string error;
        const auto start = Clock::now();
        if (!host.open(error)) {
            std::fprintf(stderr, "web editor bench: %s\n", error.c_str());
            return 1;
        }
        const bool pageLoaded =
            host.pumpUntil([&] { return host.editor->pageLoaded(); }, std::chrono::seconds(20));
        const auto loadedAt = Clock::now();
        const bool shown =
            pageLoaded && host.pumpUntil(
                              [&] {
                                  return host.ask(
                                             "document.querySelector("
                                             "'[data-parameter=gain]') !== null") == "true";
                              },
                              std::chrono::seconds(10));
        if (!shown) {
            std::fprintf(stderr, "web editor bench: the page did not show its controls\n");
            return 1;
        }
        loaded.push_back(std::chrono::duration<double, std::milli>(loadedAt - start).count());
        controls.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
        if (open < 4) {
            host.editor->close();
        }
    }
    host.ask(kRoundTrips);
    std::string answer;
    host.pumpUntil(
        [&] {
            answer = host.ask("window.__vstkitRoundTrips");
            return answer != "null";
        },
        std::chrono::seconds(60));
    const auto trips = parseNumbers(answer);
    if (trips.size() < 100) {
        std::fprintf(stderr, "web editor bench: the round trips did not finish (%s)\n",
                     answer.substr(0, 80).c_str());
        return 1;
    }
    std::printf(
        "{\"open_to_loaded_ms\": %.1f, \"open_to_controls_ms\": %.1f, \"round_trips\": %zu, "
        "\"round_trip_p50_ms\": %.3f, \"round_trip_p99_ms\": %.3f}\n",
        percentile(loaded, 0.5), percentile(controls, 0.5), trips.size(), percentile(trips, 0.5),
        percentile(trips, 0.99));
    return 0;
}
