# What a Windows VST3 module may link and export, for ./vstkit bundle, the
# windows test stage and a plugin project's ./plugin bundle. Sourced; the
# caller defines fail MESSAGE (which exits).

# Windows' own DLLs: a module that needs anything else (MinGW's
# libstdc++-6.dll, libgcc_s_seh-1.dll, libwinpthread-1.dll) would not load
# on a machine without MinGW.
VSTKIT_WINDOWS_SYSTEM_DLLS=(KERNEL32.dll msvcrt.dll ole32.dll USER32.dll GDI32.dll COMCTL32.dll
    ADVAPI32.dll SHELL32.dll)

# windows_imports FILE : the DLLs FILE imports, one per line.
windows_imports() {
    x86_64-w64-mingw32-objdump -p "$1" | sed -nE 's/^\s*DLL Name: (.*)$/\1/p'
}

# windows_exports FILE : the names FILE exports, sorted, one per line.
windows_exports() {
    x86_64-w64-mingw32-objdump -p "$1" |
        sed -n '/\[Ordinal\/Name Pointer\] Table/,/^$/p' | sed -nE 's/^\s*\[ *[0-9]+\] (.+)$/\1/p' | sort
}

# check_windows_module FILE : FILE imports system DLLs only and exports the
# three VST3 entry points only; fails with the offending names otherwise.
check_windows_module() {
    local file="$1" dll foreign=()
    while read -r dll; do
        [[ " ${VSTKIT_WINDOWS_SYSTEM_DLLS[*]^^} " == *" ${dll^^} "* ]] || foreign+=("$dll")
    done < <(windows_imports "$file")
    ((${#foreign[@]} == 0)) ||
        fail "$(basename "$file") imports ${foreign[*]}, which Windows does not have (link it -static)"
    local exported
    exported="$(windows_exports "$file" | tr '\n' ' ')"
    [[ "$exported" == "ExitDll GetPluginFactory InitDll " ]] ||
        fail "$(basename "$file") exports '$exported', expected only 'ExitDll GetPluginFactory InitDll'"
}
