#pragma once

#include "public.sdk/source/vst/vstparameters.h"
#include "vstkit/protocol/param_spec.h"

namespace vstkit::formats::vst3 {

/// A VST3 parameter made from one row of the protocol table: hosts see its
/// plain range and unit, and every conversion (normalized <-> plain <-> text)
/// is the protocol's, so hosts, the editor and saved state agree. Stepped
/// rows and choices have one step per value (a choice is flagged kIsList and
/// its steps read as its labels), a toggle has one step, and a logarithmic
/// or skewed row maps plain values the protocol's way.
class ProtocolParameter final : public Steinberg::Vst::Parameter {
  public:
    explicit ProtocolParameter(const protocol::ParamSpec& spec);

    void toString(Steinberg::Vst::ParamValue normalized,
                  Steinberg::Vst::String128 text) const override;
    bool fromString(const Steinberg::Vst::TChar* text,
                    Steinberg::Vst::ParamValue& normalized) const override;
    [[nodiscard]] Steinberg::Vst::ParamValue toPlain(
        Steinberg::Vst::ParamValue normalized) const override;
    [[nodiscard]] Steinberg::Vst::ParamValue toNormalized(
        Steinberg::Vst::ParamValue plain) const override;

    [[nodiscard]] const protocol::ParamSpec& spec() const noexcept { return spec_; }

    OBJ_METHODS(ProtocolParameter, Steinberg::Vst::Parameter)

  private:
    const protocol::ParamSpec& spec_;
};

}  // namespace vstkit::formats::vst3
