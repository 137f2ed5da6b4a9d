#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

#include "editor_edits.h"
#include "vstkit/core/audio_core.h"
#include "vstkit/formats/clap/abi/audio_ports.h"
#include "vstkit/formats/clap/abi/host.h"
#include "vstkit/formats/clap/abi/params.h"
#include "vstkit/formats/clap/abi/plugin.h"
#include "vstkit/formats/clap/abi/render.h"
#include "vstkit/formats/clap/abi/state.h"

namespace vstkit::formats::clap {

class ClapEditor;

/// One CLAP plugin instance over the plugin core: the clap_plugin a host
/// holds, and the extensions that are not the editor's (audio ports and
/// their configurations, params, state, latency, tail, render).
///
/// Threads, as CLAP assigns them: construction, init(), activate(),
/// deactivate(), the port, param-info and state calls on the main thread;
/// process(), reset() and the start/stop calls on the audio thread;
/// flush() on the audio thread while active, else on the main thread.
class ClapPlugin final {
  public:
    ClapPlugin(const clap_abi::Host& host, const clap_abi::PluginDescriptor& descriptor);
    ~ClapPlugin();

    ClapPlugin(const ClapPlugin&) = delete;
    ClapPlugin& operator=(const ClapPlugin&) = delete;
    ClapPlugin(ClapPlugin&&) = delete;
    ClapPlugin& operator=(ClapPlugin&&) = delete;

    /// The object the host holds; its plugin_data points back here.
    [[nodiscard]] const clap_abi::Plugin* clapPlugin() const noexcept { return &plugin_; }
    [[nodiscard]] static ClapPlugin& of(const clap_abi::Plugin* plugin) noexcept {
        return *static_cast<ClapPlugin*>(plugin->pluginData);
    }

    bool init() noexcept;
    bool activate(double sampleRate, std::uint32_t maxFrames) noexcept;
    void deactivate() noexcept;
    bool startProcessing() noexcept;
    void stopProcessing() noexcept;
    void reset() noexcept;
    /// Applies the host's parameter events at their samples and the editor's
    /// edits at the block's start (telling the host of those), then processes
    /// the main ports in place. Inside the real-time guard; never allocates.
    clap_abi::ProcessStatus process(const clap_abi::Process& process) noexcept;
    void onMainThread() noexcept {}

    // clap.audio-ports and clap.audio-ports-config
    [[nodiscard]] std::uint32_t audioPortCount(bool isInput) const noexcept;
    bool audioPortInfo(std::uint32_t index, bool isInput,
                       clap_abi::AudioPortInfo& info) const noexcept;
    [[nodiscard]] std::uint32_t audioConfigCount() const noexcept;
    bool audioConfig(std::uint32_t index, clap_abi::AudioPortsConfig& config) const noexcept;
    bool selectAudioConfig(clap_abi::Id configId) noexcept;

    // clap.params
    [[nodiscard]] std::uint32_t paramCount() const noexcept;
    bool paramInfo(std::uint32_t index, clap_abi::ParamInfo& info) const noexcept;
    bool paramValue(clap_abi::Id id, double& value) const noexcept;
    bool valueToText(clap_abi::Id id, double value, char* text,
                     std::uint32_t capacity) const noexcept;
    bool textToValue(clap_abi::Id id, const char* text, double& value) const noexcept;
    /// Parameter events and editor edits with no audio (the host's flush).
    void flush(const clap_abi::InputEvents* in, const clap_abi::OutputEvents* out) noexcept;

    // clap.state: the protocol's blob, the same bytes as in VST3 and LV2.
    bool saveState(const clap_abi::OutputStream& stream) const noexcept;
    /// A blob that does not parse changes nothing and returns false.
    bool loadState(const clap_abi::InputStream& stream) noexcept;

    // clap.latency, clap.tail, clap.render
    [[nodiscard]] std::uint32_t latency() const noexcept;
    [[nodiscard]] std::uint32_t tail() const noexcept;
    bool setRenderMode(clap_abi::RenderMode mode) noexcept;

    /// The editor (clap.gui), made when the plugin is.
    [[nodiscard]] ClapEditor& editor() noexcept { return *editor_; }

    /// For the editor: the plugin's values, and the way its edits travel.
    [[nodiscard]] core::AudioCore& core() noexcept { return core_; }
    /// UI thread: queues an edit, then asks the host for a flush or process.
    void queueEditorEdit(const EditorEdit& edit) noexcept;

  private:
    [[nodiscard]] std::optional<std::uint32_t> rowOf(clap_abi::Id id) const noexcept;
    /// Turns the host's parameter events into the core's events.
    void readParameterEvents(const clap_abi::InputEvents* events) noexcept;
    /// Applies the editor's queued edits at offset 0 and reports them to the host.
    void forwardEditorEdits(const clap_abi::OutputEvents* out) noexcept;

    clap_abi::Plugin plugin_{};
    const clap_abi::Host& host_;
    const clap_abi::HostParams* hostParams_ = nullptr;
    core::AudioCore core_;
    const core::AudioFacts& audio_;
    /// The layout the host chose (audio-ports-config); the first until then.
    core::ChannelLayout layout_;
    double sampleRate_ = 48000.0;
    bool active_ = false;
    /// Each row's clap_id (the protocol's parameter id, a hash of its stable
    /// id): computed once, not on the audio thread.
    std::vector<clap_abi::Id> idOfRow_;
    /// Table rows by clap_id, sorted by id.
    std::vector<std::pair<clap_abi::Id, std::uint32_t>> rowsById_;
    /// Per row, the index of its last event in the block being read, so its
    /// final point is known (made once; audio thread only).
    std::vector<std::uint32_t> lastEventOfRow_;
    EditorEditQueue editorEdits_;
    std::unique_ptr<ClapEditor> editor_;
};

}  // namespace vstkit::formats::clap
