#include "state_keys.h"

#include <string>

#include <lv2/atom/atom.h>
#include <lv2/buf-size/buf-size.h>
#include <lv2/urid/urid.h>

#include "host_features.h"
#include "vstkit/core/plugin_definition.h"

namespace vstkit::formats::lv2 {

StateKeys StateKeys::map(const LV2_Feature* const* features) {
    const auto* urids = hostFeature<LV2_URID_Map>(features, LV2_URID__map);
    if (urids == nullptr) {
        return {};
    }
    const std::string uri{core::pluginDefinition().identity.lv2Uri};
    const auto map = [urids](const std::string& name) {
        return urids->map(urids->handle, name.c_str());
    };
    return {
        .state = map(uri + "#state"),
        .juceStateString = map(uri + ":StateString"),
        .atomChunk = map(LV2_ATOM__Chunk),
        .atomString = map(LV2_ATOM__String),
        .atomInt = map(LV2_ATOM__Int),
        .maxBlockLength = map(LV2_BUF_SIZE__maxBlockLength),
    };
}

}  // namespace vstkit::formats::lv2
