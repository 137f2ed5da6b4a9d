#include "lv2_editor.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include <lv2/atom/atom.h>
#include <lv2/options/options.h>
#include <lv2/urid/urid.h>

#include "host_features.h"
#include "vstkit/core/plugin_definition.h"
#include "vstkit/protocol/normalized.h"

namespace vstkit::formats::lv2 {
namespace {

// The host's ui:scaleFactor option, which needs urid:map to read; 1 otherwise.
float hostScaleFactor(const LV2_Feature* const* features) {
    const auto* map = hostFeature<LV2_URID_Map>(features, LV2_URID__map);
    if (map == nullptr) {
        return 1.0F;
    }
    const auto scale = hostOption<float>(features, map->map(map->handle, LV2_UI__scaleFactor),
                                         map->map(map->handle, LV2_ATOM__Float));
    return scale && *scale >= 0.5F && *scale <= 4.0F ? *scale : 1.0F;
}

}  // namespace

Lv2Editor::Lv2Editor(LV2UI_Write_Function write, LV2UI_Controller controller,
                     const LV2_Feature* const* features)
    : table_(core::pluginDefinition().parameters),
      audioLayout_(core::pluginDefinition().audio.layouts.front()),
      write_(write),
      controller_(controller),
      parent_(const_cast<void*>(findHostFeature(features, LV2_UI__parent))),
      hostResize_(hostFeature<LV2UI_Resize>(features, LV2_UI__resize)),
      touch_(hostFeature<LV2UI_Touch>(features, LV2_UI__touch)),
      firstMeterPort_(firstMeterPort(audioLayout_, table_.size(),
                                     core::pluginDefinition().audio.latencySamples > 0)),
      editor_(core::pluginDefinition().parameters, *this, core::pluginDefinition().identity.name,
              core::pluginDefinition().webUi) {
    meterDb_.fill(kMeterFloorDb);
    portValues_.reserve(table_.size());
    for (const auto& spec : table_) {
        portValues_.push_back(toPortValue(spec, spec.defaultValue));
    }
    editor_.setContentScale(hostScaleFactor(features));
}

bool Lv2Editor::open() {
    if (parent_ == nullptr) {
        error_ = "the host offers no ui:parent window to embed the editor in";
        return false;
    }
    if (!editor_.open(reinterpret_cast<ui::NativeWindow>(parent_))) {
        error_ = editor_.error().c_str();
        return false;
    }
    if (hostResize_ != nullptr) {
        hostResize_->ui_resize(hostResize_->handle, editor_.currentWidth(),
                               editor_.currentHeight());
    }
    return true;
}

void Lv2Editor::portEvent(std::uint32_t port, std::uint32_t size, std::uint32_t format,
                          const void* buffer) noexcept {
    // Format 0 is a plain float; anything else is not for a control port.
    const auto firstControl = firstControlPort(audioLayout_);
    if (format != 0 || size != sizeof(float) || buffer == nullptr) {
        return;
    }
    if (port >= firstMeterPort_ && port < firstMeterPort_ + meterPortCount(audioLayout_)) {
        float db = kMeterFloorDb;
        std::memcpy(&db, buffer, sizeof(float));
        const auto index = port - firstMeterPort_;
        // A peak over full scale is a clip; the count only grows, as the bridge expects.
        if (index % 2 == 0 && db > 0.0F) {
            ++clips_[index / 2];
        }
        meterDb_[index] =
            std::isfinite(db) ? std::clamp(db, kMeterFloorDb, kMeterCeilingDb) : kMeterFloorDb;
        metersReported_ = true;
        return;
    }
    if (port < firstControl || port >= firstControl + table_.size()) {
        return;
    }
    std::memcpy(&portValues_[port - firstControl], buffer, sizeof(float));
}

int Lv2Editor::idle() noexcept {
    if (!editor_.isOpen()) {
        return 1;
    }
    editor_.idle();
    return 0;
}

float Lv2Editor::normalizedValue(std::size_t index) const noexcept {
    const auto& spec = table_[index];
    return protocol::toNormalized(spec, fromPortValue(spec, portValues_[index]));
}

void Lv2Editor::touch(std::size_t index, bool grabbed) const {
    if (touch_ != nullptr) {
        touch_->touch(touch_->handle, controlPortIndex(audioLayout_, index), grabbed);
    }
}

void Lv2Editor::beginEdit(std::size_t index) {
    touch(index, true);
}

void Lv2Editor::performEdit(std::size_t index, float normalized) {
    const auto& spec = table_[index];
    float portValue = toPortValue(spec, protocol::fromNormalized(spec, normalized));
    portValues_[index] = portValue;
    write_(controller_, controlPortIndex(audioLayout_, index), sizeof(float), 0, &portValue);
}

void Lv2Editor::endEdit(std::size_t index) {
    touch(index, false);
}

std::size_t Lv2Editor::meterChannels() const noexcept {
    return metersReported_ ? audioLayout_.outputs : 0;
}

core::MeterReading Lv2Editor::meterReading(std::size_t channel) const noexcept {
    if (channel >= audioLayout_.outputs) {
        return {};
    }
    const auto linear = [](float db) {
        return db <= kMeterFloorDb ? 0.0F : std::pow(10.0F, db / 20.0F);
    };
    return {linear(meterDb_[2 * channel]), linear(meterDb_[2 * channel + 1]), clips_[channel]};
}

bool Lv2Editor::requestResize(int width, int height) {
    editor_.constrain(width, height);
    if (hostResize_ == nullptr || !editor_.resize(width, height)) {
        return false;
    }
    return hostResize_->ui_resize(hostResize_->handle, width, height) == 0;
}

}  // namespace vstkit::formats::lv2
