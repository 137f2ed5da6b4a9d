#pragma once

namespace vstkit_filter {

/// The three outputs of one state-variable filter step; notch is low + high.
/// The band-pass is scaled by 1/Q so its peak is 0 dB at any resonance.
struct FilterOutputs {
    float low;
    float band;
    float high;
};

/// Coefficients of a trapezoidal (topology-preserving) state-variable filter
/// for one cutoff and Q at one sample rate.
struct SvfCoefficients {
    float g = 0.0F;  // tan(pi * cutoff / rate): the prewarped integrator gain
    float k = 1.0F;  // 1 / Q: the damping
    float a1 = 1.0F;
    float a2 = 0.0F;
    float a3 = 0.0F;

    /// Cutoff is clamped below Nyquist and Q into a safe positive range, so
    /// any input gives a stable filter.
    [[nodiscard]] static SvfCoefficients make(float cutoffHz, float q, double sampleRate) noexcept;
};

/// One channel of a state-variable filter in topology-preserving form (the
/// trapezoidal integrators keep their state meaningful when the coefficients
/// change), so cutoff and Q can move every sample without blowing up.
class StateVariableFilter final {
  public:
    [[nodiscard]] FilterOutputs step(float input, const SvfCoefficients& c) noexcept {
        const float v3 = input - ic2eq_;
        const float v1 = c.a1 * ic1eq_ + c.a2 * v3;
        const float v2 = ic2eq_ + c.a2 * ic1eq_ + c.a3 * v3;
        ic1eq_ = 2.0F * v1 - ic1eq_;
        ic2eq_ = 2.0F * v2 - ic2eq_;
        const float band = c.k * v1;
        return {v2, band, input - band - v2};
    }

    void reset() noexcept {
        ic1eq_ = 0.0F;
        ic2eq_ = 0.0F;
    }

    /// No memory of past input: silent input now gives exactly silent output.
    [[nodiscard]] bool isAtRest() const noexcept { return ic1eq_ == 0.0F && ic2eq_ == 0.0F; }

    /// Whether the memory is below `level` (about the output's scale).
    [[nodiscard]] bool isBelow(float level) const noexcept;

    /// Called once per block: state that decayed below any audible level is
    /// zeroed, so silence never leaves denormals in the integrators, and a
    /// state that is not finite (it cannot become so from finite input) is
    /// cleared rather than left to poison every later sample.
    void settle() noexcept;

  private:
    float ic1eq_ = 0.0F;
    float ic2eq_ = 0.0F;
};

}  // namespace vstkit_filter
