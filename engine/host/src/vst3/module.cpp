#include "module.h"

#include <cstring>

#include "host_error.h"
#include "platform/bundle_folder.h"
#include "platform/utf8_path.h"
#include "strings.h"

namespace vstkit::host {

using namespace Steinberg;

namespace {

// VST3 names the module's entry and exit per platform.
#if defined(_WIN32)
using ModuleEntryFunction = bool(PLUGIN_API*)();
using ModuleExitFunction = bool(PLUGIN_API*)();
constexpr const char* kModuleEntry = "InitDll";
constexpr const char* kModuleExit = "ExitDll";
#else
using ModuleEntryFunction = bool (*)(void*);
using ModuleExitFunction = bool (*)();
constexpr const char* kModuleEntry = "ModuleEntry";
constexpr const char* kModuleExit = "ModuleExit";
#endif
using GetFactoryFunction = IPluginFactory* (*)();

template <typename Function>
Function symbol(const SharedLibrary& library, const char* name) {
    return reinterpret_cast<Function>(library.symbol(name));
}

}  // namespace

Module::Module(const std::filesystem::path& bundle) : bundle_(bundle) {
    std::error_code error;
    if (!std::filesystem::is_directory(bundle_, error)) {
        throw HostError("not a VST3 bundle (no such folder): " + utf8Of(bundle_));
    }
    bundle_ = std::filesystem::canonical(bundle_, error);
    binary_ = bundle_ / "Contents" / bundleArchitectureFolder() /
              pathFromUtf8(bundleBinaryName(utf8Of(bundle_.stem())));
    if (!std::filesystem::is_regular_file(binary_, error)) {
        throw HostError("not a VST3 bundle (missing " + utf8Of(binary_) + ")");
    }
    // A throw from here on unloads the library with the members.
    library_ = SharedLibrary::open(binary_);
    if (auto entry = symbol<ModuleEntryFunction>(library_, kModuleEntry)) {
#if defined(_WIN32)
        const bool entered = entry();
#else
        const bool entered = entry(library_.handle());
#endif
        if (!entered) {
            throw HostError(std::string{kModuleEntry} + " failed in " + utf8Of(binary_));
        }
    }
    // On failure past ModuleEntry, ModuleExit must run before unloading.
    const auto exitModule = [this] {
        if (auto exit = symbol<ModuleExitFunction>(library_, kModuleExit)) {
            exit();
        }
    };
    auto getFactory = symbol<GetFactoryFunction>(library_, "GetPluginFactory");
    if (getFactory == nullptr) {
        exitModule();
        throw HostError("no GetPluginFactory in " + utf8Of(binary_));
    }
    IPluginFactory* factory = getFactory();
    if (factory == nullptr) {
        exitModule();
        throw HostError("GetPluginFactory returned null in " + utf8Of(binary_));
    }
    factory_ = owned(factory);
}

Module::~Module() {
    factory_ = nullptr;
    if (auto exit = symbol<ModuleExitFunction>(library_, kModuleExit)) {
        exit();
    }
    // library_ unloads last, as the members go.
}

FactoryDescription Module::factoryDescription() const {
    PFactoryInfo info{};
    factory_->getFactoryInfo(&info);
    return {fromField(info.vendor), fromField(info.url), fromField(info.email), info.flags};
}

std::vector<ClassDescription> Module::classes() const {
    IPtr<IPluginFactory2> factory2;
    {
        void* query = nullptr;
        if (factory_->queryInterface(IPluginFactory2::iid, &query) == kResultOk) {
            factory2 = owned(static_cast<IPluginFactory2*>(query));
        }
    }
    std::vector<ClassDescription> classes;
    const int32 count = factory_->countClasses();
    for (int32 index = 0; index < count; ++index) {
        ClassDescription description;
        PClassInfo2 info2{};
        if (factory2 && factory2->getClassInfo2(index, &info2) == kResultOk) {
            std::memcpy(description.cid, info2.cid, sizeof(TUID));
            description.category = fromField(info2.category);
            description.name = fromField(info2.name);
            description.subCategories = fromField(info2.subCategories);
            description.vendor = fromField(info2.vendor);
            description.version = fromField(info2.version);
            description.sdkVersion = fromField(info2.sdkVersion);
            description.cardinality = info2.cardinality;
            description.classFlags = info2.classFlags;
        } else {
            PClassInfo info{};
            if (factory_->getClassInfo(index, &info) != kResultOk) {
                continue;
            }
            std::memcpy(description.cid, info.cid, sizeof(TUID));
            description.category = fromField(info.category);
            description.name = fromField(info.name);
            description.cardinality = info.cardinality;
        }
        classes.push_back(description);
    }
    return classes;
}

ClassDescription Module::firstClassOf(const std::string& category) const {
    for (const auto& description : classes()) {
        if (description.category == category) {
            return description;
        }
    }
    throw HostError("no '" + category + "' class in " + utf8Of(bundle_));
}

}  // namespace vstkit::host
