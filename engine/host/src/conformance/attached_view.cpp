#include "attached_view.h"

namespace vstkit::host::conformance {

using namespace Steinberg;

AttachedView::AttachedView(PluginInstance& instance, PlugFrame& frame, Window window) {
    view_ = owned(instance.controller().createView(Vst::ViewType::kEditor));
    if (!view_) {
        return;
    }
    supportsX11_ = view_->isPlatformTypeSupported(kPlatformTypeX11EmbedWindowID) == kResultTrue;
    view_->setFrame(&frame);
    attached_ = supportsX11_ && view_->attached(reinterpret_cast<void*>(window),
                                                kPlatformTypeX11EmbedWindowID) == kResultOk;
}

AttachedView::~AttachedView() {
    if (!view_) {
        return;
    }
    if (attached_) {
        view_->removed();
    }
    view_->setFrame(nullptr);
}

ViewRect AttachedView::size() const {
    ViewRect rect{};
    if (view_ && view_->getSize(&rect) != kResultOk) {
        rect = {};
    }
    return rect;
}

}  // namespace vstkit::host::conformance
