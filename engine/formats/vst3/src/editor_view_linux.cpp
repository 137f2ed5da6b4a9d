// The editor view on Linux: the X11 editor on the host's IRunLoop.
#include <cstring>

#include "editor_view.h"
#include "plugin_controller.h"

namespace vstkit::formats::vst3 {

using namespace Steinberg;

namespace {
/// About 30 frames a second: smooth enough for a slider, cheap for the host.
constexpr Linux::TimerInterval kFrameIntervalMs = 33;
}  // namespace

tresult PLUGIN_API EditorView::isPlatformTypeSupported(FIDString type) {
    return type != nullptr && std::strcmp(type, kPlatformTypeX11EmbedWindowID) == 0 ? kResultTrue
                                                                                    : kResultFalse;
}

tresult PLUGIN_API EditorView::attached(void* parent, FIDString type) {
    if (parent == nullptr || isPlatformTypeSupported(type) != kResultTrue || editor_.isOpen()) {
        return kResultFalse;
    }
    if (!frame_) {
        return kResultFalse;  // Without IPlugFrame there is no run loop to draw on.
    }
    Linux::IRunLoop* runLoop = nullptr;
    if (frame_->queryInterface(Linux::IRunLoop::iid, reinterpret_cast<void**>(&runLoop)) !=
            kResultOk ||
        runLoop == nullptr) {
        return kResultFalse;
    }
    runLoop_ = owned(runLoop);
    if (!editor_.open(reinterpret_cast<ui::NativeWindow>(parent))) {
        runLoop_ = nullptr;
        return kResultFalse;
    }
    controller_.startFollowingAudio();
    runLoop_->registerEventHandler(this, editor_.connectionFd());
    if (editor_.bridgeFd() >= 0) {
        // A web page's messages are answered when they arrive, not at the next frame.
        runLoop_->registerEventHandler(this, editor_.bridgeFd());
    }
    runLoop_->registerTimer(this, kFrameIntervalMs);
    editor_.idle();
    return kResultOk;
}

void EditorView::stopRunLoop() noexcept {
    if (runLoop_) {
        runLoop_->unregisterEventHandler(this);
        runLoop_->unregisterTimer(this);
        runLoop_ = nullptr;
    }
}

void PLUGIN_API EditorView::onFDIsSet(Linux::FileDescriptor /*fd*/) {
    editor_.idle();
}

void PLUGIN_API EditorView::onTimer() {
    followPlugin();
    editor_.idle();
}

}  // namespace vstkit::formats::vst3
