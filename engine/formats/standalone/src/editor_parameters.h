#pragma once

#include <array>
#include <cstddef>
#include <optional>

#include "edit_queue.h"
#include "vstkit/core/output_meters.h"
#include "vstkit/protocol/state.h"
#include "vstkit/ui/parameter_access.h"

namespace vstkit::formats::standalone {

/// The editor's parameters when there is no host: this object is the host's
/// side. It holds each row's current plain value and sends every edit to the
/// audio thread through the edit queue. Main thread only.
///
/// The editor is the only source of changes here (no host automation), so the
/// values it shows are the ones it set, never a report one block late.
class EditorParameters final : public ui::ParameterAccess {
  public:
    /// `meters`: the audio path's output meters, for an editor that shows them.
    EditorParameters(EditQueue& edits, const protocol::ParamValues& values,
                     core::OutputMeters* meters = nullptr) noexcept;

    [[nodiscard]] float normalizedValue(std::size_t index) const noexcept override;
    /// No host records gestures, so a gesture's start and end change nothing.
    void beginEdit(std::size_t index) override;
    void performEdit(std::size_t index, float normalized) override;
    void endEdit(std::size_t index) override;
    [[nodiscard]] std::size_t meterChannels() const noexcept override;
    [[nodiscard]] core::MeterReading meterReading(std::size_t channel) const noexcept override;
    void listenToMeters(bool listening) noexcept override;

    /// On the UI timer: resends edits a full queue refused (the audio thread
    /// stalled).
    void onTimer() noexcept;

    /// What to remember at exit, including edits the audio has not applied yet.
    [[nodiscard]] const protocol::ParamValues& values() const noexcept { return values_; }

  private:
    void send(std::size_t index) noexcept;

    EditQueue& edits_;
    protocol::ParamValues values_;
    core::OutputMeters* meters_;
    bool listening_ = false;
    /// Rows whose latest value still has to reach the audio thread.
    std::array<bool, protocol::kMaxTableRows> unsent_{};
};

}  // namespace vstkit::formats::standalone
