#pragma once

#include <X11/Xlib.h>

#include "pluginterfaces/base/smartpointer.h"
#include "pluginterfaces/gui/iplugview.h"
#include "vst3/plug_frame.h"
#include "vst3/plugin_instance.h"

namespace vstkit::host::conformance {

/// The plugin's editor view, created, given the host frame and attached to
/// an X11 window as a DAW does; removed and released on destruction.
class AttachedView final {
  public:
    AttachedView(PluginInstance& instance, PlugFrame& frame, Window window);
    ~AttachedView();
    AttachedView(const AttachedView&) = delete;
    AttachedView& operator=(const AttachedView&) = delete;
    AttachedView(AttachedView&&) = delete;
    AttachedView& operator=(AttachedView&&) = delete;

    /// Null when createView("editor") gives nothing: the plugin has no editor.
    [[nodiscard]] Steinberg::IPlugView* view() const noexcept { return view_; }
    [[nodiscard]] bool supportsX11() const noexcept { return supportsX11_; }
    [[nodiscard]] bool attached() const noexcept { return attached_; }
    /// The view's size as it reports it (0x0 when it will not say).
    [[nodiscard]] Steinberg::ViewRect size() const;

  private:
    Steinberg::IPtr<Steinberg::IPlugView> view_;
    bool supportsX11_ = false;
    bool attached_ = false;
};

}  // namespace vstkit::host::conformance
