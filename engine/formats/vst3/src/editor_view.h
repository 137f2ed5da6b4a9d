#pragma once

#include "base/source/fobject.h"
#include "pluginterfaces/gui/iplugview.h"
#include "pluginterfaces/gui/iplugviewcontentscalesupport.h"
#include "vstkit/ui/editor.h"
#include "vstkit/ui/parameter_access.h"

namespace vstkit::formats::vst3 {

class PluginController;

// VST3 interfaces are COM-style: released through release(), never deleted
// through a base pointer, so by design they have no virtual destructor.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wnon-virtual-dtor"
/// The editor inside a VST3 host's window: an IPlugView over ui::Editor.
/// On Linux it is driven by the host's IRunLoop (the X connection's fd and a
/// timer; editor_view.cpp); on Windows the editor's own window gets a timer
/// from the system (editor_view_win32.cpp). It starts no thread. Every
/// method runs on the host's UI thread.
class EditorView final : public Steinberg::FObject,
                         public Steinberg::IPlugView,
                         public Steinberg::IPlugViewContentScaleSupport,
#if SMTG_OS_LINUX
                         public Steinberg::Linux::IEventHandler,
                         public Steinberg::Linux::ITimerHandler,
#endif
                         private ui::ParameterAccess {
  public:
    explicit EditorView(PluginController& controller);
    ~EditorView() override;

    Steinberg::tresult PLUGIN_API isPlatformTypeSupported(Steinberg::FIDString type) override;
    Steinberg::tresult PLUGIN_API attached(void* parent, Steinberg::FIDString type) override;
    Steinberg::tresult PLUGIN_API removed() override;
    Steinberg::tresult PLUGIN_API onWheel(float /*distance*/) override {
        return Steinberg::kResultFalse;
    }
    Steinberg::tresult PLUGIN_API onKeyDown(Steinberg::char16 /*key*/, Steinberg::int16 /*keyCode*/,
                                            Steinberg::int16 /*modifiers*/) override {
        return Steinberg::kResultFalse;
    }
    Steinberg::tresult PLUGIN_API onKeyUp(Steinberg::char16 /*key*/, Steinberg::int16 /*keyCode*/,
                                          Steinberg::int16 /*modifiers*/) override {
        return Steinberg::kResultFalse;
    }
    Steinberg::tresult PLUGIN_API getSize(Steinberg::ViewRect* size) override;
    Steinberg::tresult PLUGIN_API onSize(Steinberg::ViewRect* newSize) override;
    Steinberg::tresult PLUGIN_API onFocus(Steinberg::TBool /*state*/) override {
        return Steinberg::kResultOk;
    }
    Steinberg::tresult PLUGIN_API setFrame(Steinberg::IPlugFrame* frame) override;
    /// Any size from the editor's minimum up: rows stretch, reflow or scroll.
    Steinberg::tresult PLUGIN_API canResize() override {
        return Steinberg::kResultTrue;
    }
    Steinberg::tresult PLUGIN_API checkSizeConstraint(Steinberg::ViewRect* rect) override;

    Steinberg::tresult PLUGIN_API setContentScaleFactor(ScaleFactor factor) override;

#if SMTG_OS_LINUX
    void PLUGIN_API onFDIsSet(Steinberg::Linux::FileDescriptor fd) override;
    void PLUGIN_API onTimer() override;
#endif

    OBJ_METHODS(EditorView, Steinberg::FObject)
    DEFINE_INTERFACES
    DEF_INTERFACE(Steinberg::IPlugView)
    DEF_INTERFACE(Steinberg::IPlugViewContentScaleSupport)
#if SMTG_OS_LINUX
    DEF_INTERFACE(Steinberg::Linux::IEventHandler)
    DEF_INTERFACE(Steinberg::Linux::ITimerHandler)
#endif
    END_DEFINE_INTERFACES(Steinberg::FObject)
    REFCOUNT_METHODS(Steinberg::FObject)

  private:
    [[nodiscard]] float normalizedValue(std::size_t index) const noexcept override;
    void beginEdit(std::size_t index) override;
    void performEdit(std::size_t index, float normalized) override;
    void endEdit(std::size_t index) override;
    [[nodiscard]] std::size_t meterChannels() const noexcept override;
    [[nodiscard]] core::MeterReading meterReading(std::size_t channel) const noexcept override;
    void listenToMeters(bool listening) noexcept override;
    bool requestResize(int width, int height) override;
    void followPlugin() noexcept override;

    void stopRunLoop() noexcept;

    PluginController& controller_;
    Steinberg::IPtr<PluginController> controllerReference_;
    Steinberg::IPtr<Steinberg::IPlugFrame> frame_;
#if SMTG_OS_LINUX
    Steinberg::IPtr<Steinberg::Linux::IRunLoop> runLoop_;
#endif
    /// The meters listened to, kept so the same ones are let go.
    core::OutputMeters* listenedMeters_ = nullptr;
    ui::Editor editor_;
};
#pragma GCC diagnostic pop

}  // namespace vstkit::formats::vst3
