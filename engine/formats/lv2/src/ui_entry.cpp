// The LV2 UI binary's one exported symbol, lv2ui_descriptor(), and the C
// callbacks it hands the host, each forwarding to an Lv2Editor. The editor
// lives in its own binary so the plugin binary links no X11 or OpenGL.
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string>

#include <lv2/ui/ui.h>

#include "lv2_editor.h"
#include "vstkit/core/export.h"
#include "vstkit/core/plugin_definition.h"

namespace vstkit::formats::lv2 {
namespace {

Lv2Editor& self(LV2UI_Handle handle) {
    return *static_cast<Lv2Editor*>(handle);
}

LV2UI_Handle instantiate(const LV2UI_Descriptor* /*descriptor*/, const char* pluginUri,
                         const char* /*bundlePath*/, LV2UI_Write_Function write,
                         LV2UI_Controller controller, LV2UI_Widget* widget,
                         const LV2_Feature* const* features) {
    try {
        if (pluginUri == nullptr || core::pluginDefinition().identity.lv2Uri != pluginUri) {
            return nullptr;
        }
        auto editor = std::make_unique<Lv2Editor>(write, controller, features);
        if (!editor->open()) {
            // The host has no other channel for the reason; stderr is where hosts log.
            std::fprintf(stderr, "%s: cannot open the editor: %s\n",
                         std::string{core::pluginDefinition().identity.name}.c_str(),
                         editor->error());
            return nullptr;
        }
        *widget = reinterpret_cast<LV2UI_Widget>(editor->nativeWindow());
        return editor.release();
    } catch (...) {
        return nullptr;
    }
}

void cleanup(LV2UI_Handle handle) {
    delete static_cast<Lv2Editor*>(handle);
}

void portEvent(LV2UI_Handle handle, std::uint32_t port, std::uint32_t size, std::uint32_t format,
               const void* buffer) {
    self(handle).portEvent(port, size, format, buffer);
}

int idle(LV2UI_Handle handle) {
    return self(handle).idle();
}

// The host resized our parent: 0 when taken, non-zero (refused) below the minimum.
int resize(LV2UI_Feature_Handle handle, int width, int height) {
    return self(handle).resize(width, height) ? 0 : 1;
}

const void* extensionData(const char* uri) {
    static constexpr LV2UI_Idle_Interface kIdle{idle};
    static constexpr LV2UI_Resize kResize{nullptr, resize};
    if (std::strcmp(uri, LV2_UI__idleInterface) == 0) {
        return &kIdle;
    }
    if (std::strcmp(uri, LV2_UI__resize) == 0) {
        return &kResize;
    }
    return nullptr;
}

const LV2UI_Descriptor& descriptor() {
    static const std::string uri = std::string{core::pluginDefinition().identity.lv2Uri} + ":UI";
    static const LV2UI_Descriptor kDescriptor{uri.c_str(), instantiate, cleanup, portEvent,
                                              extensionData};
    return kDescriptor;
}

}  // namespace
}  // namespace vstkit::formats::lv2

extern "C" VSTKIT_EXPORT const LV2UI_Descriptor* lv2ui_descriptor(std::uint32_t index) {
    return index == 0 ? &vstkit::formats::lv2::descriptor() : nullptr;
}
