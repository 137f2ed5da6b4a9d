// The editor view on Windows: the Win32 editor in the host's HWND. The
// editor's window takes its timer from the system, so no host run loop is
// needed (VST3 defines none on Windows).
#include <cstring>

#include "editor_view.h"
#include "plugin_controller.h"

namespace vstkit::formats::vst3 {

using namespace Steinberg;

tresult PLUGIN_API EditorView::isPlatformTypeSupported(FIDString type) {
    return type != nullptr && std::strcmp(type, kPlatformTypeHWND) == 0 ? kResultTrue
                                                                        : kResultFalse;
}

tresult PLUGIN_API EditorView::attached(void* parent, FIDString type) {
    if (parent == nullptr || isPlatformTypeSupported(type) != kResultTrue || editor_.isOpen()) {
        return kResultFalse;
    }
    if (!editor_.open(reinterpret_cast<ui::NativeWindow>(parent))) {
        return kResultFalse;
    }
    controller_.startFollowingAudio();
    return kResultOk;
}

void EditorView::stopRunLoop() noexcept {}

}  // namespace vstkit::formats::vst3
