import Foundation

/// Where the screens' exports go (`x` on a list or report, `p`/`x` on a document; s34-fix: the file was written into
/// the folder the app was started from without asking). A prompt asks for the path, prefilled with
/// `<output folder>/salesledger-<name>`; a relative path is taken in the output folder and `~/` is the home folder;
/// an existing file is replaced only after a yes; the status line names the file written (mode 0600).
enum ExportPrompt {
    /// The prompt for `text` with the default file `name`. `written` runs on the owner once the file is written
    /// (the reports' dialog naming it); the status line says where it was written otherwise.
    static func modal<Owner: ModalOwner>(
        _ text: String, name: String, context: AppContext,
        written: ((String, inout Owner, AppContext) -> ScreenOutcome)? = nil
    ) -> PromptModal<Owner> where Owner.Outcome == ScreenOutcome {
        let s = context.strings
        return PromptModal(s.t("Export to: ", "导出到："), text: context.exportPath(name: name),
                           enterLabel: s.t("Write", "写入")) { typed, context in
            guard !typed.isEmpty else { return .report(.error(s.t("type the file to write", "请填写要写入的文件"))) }
            let path = resolve(typed, context)
            var isFolder: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
            if exists && isFolder.boolValue {
                return .report(.error(s.t("\(path) is a folder: type a file name", "\(path) 是文件夹：请填写文件名")))
            }
            let folder = (path as NSString).deletingLastPathComponent
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
                return .report(.error(s.t("no folder \(folder)", "文件夹 \(folder) 不存在")))
            }
            guard exists else {
                return .close { owner, context in write(text, to: path, replace: false, &owner, context, written) }
            }
            // Asked on its own dialog, the prompt closed: No leaves the file as it is, and nothing is written.
            return .close { owner, context in
                owner.modals.push(DialogModal<Owner>.confirm(
                    s.t("Replace file?", "替换文件？"),
                    s.t("\(path) exists. Replace it?", "\(path) 已存在。是否替换？"), defaultNo: true
                ) { owner, context in write(text, to: path, replace: true, &owner, context, written) })
                return .none
            }
        }
    }

    /// The absolute path of what was typed: `~/…` in the home folder, a relative path in the output folder.
    static func resolve(_ typed: String, _ context: AppContext) -> String {
        var path = typed
        if path == "~" || path.hasPrefix("~/") {
            path = FileManager.default.homeDirectoryForCurrentUser.path + String(path.dropFirst())
        } else if !path.hasPrefix("/") {
            path = (context.exportPath(name: "") as NSString).deletingLastPathComponent + "/" + path
        }
        return URL(fileURLWithPath: path).standardizedFileURL.path
    }

    /// Writes `text` to `path` (mode 0600): a new file by an exclusive create, so a file that appeared meanwhile is
    /// never replaced unasked; with `replace` under a temp name renamed over the old one.
    static func write<Owner>(_ text: String, to path: String, replace: Bool, _ owner: inout Owner,
                             _ context: AppContext,
                             _ written: ((String, inout Owner, AppContext) -> ScreenOutcome)?) -> ScreenOutcome {
        let s = context.strings
        let target = replace ? (path as NSString).deletingLastPathComponent + "/."
            + (path as NSString).lastPathComponent + ".partial-\(getpid())" : path
        let fd = open(target, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard fd >= 0 else {
            return .error(errno == EEXIST ? s.t("\(path) exists; nothing written", "\(path) 已存在；未写入")
                                          : s.t("cannot write \(path)", "无法写入 \(path)"))
        }
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        do {
            try handle.write(contentsOf: Data(text.utf8))
            try handle.close()
            if replace && rename(target, path) != 0 { throw CocoaError(.fileWriteUnknown) }
        } catch {
            unlink(target)
            return .error(s.t("cannot write \(path)", "无法写入 \(path)"))
        }
        return written?(path, &owner, context) ?? .message("\(s.exported) \(path)")
    }
}
