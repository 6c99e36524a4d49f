import LedgerCore
import TerminalUI

/// Products (商品): a searchable list (SKU, name, category, unit, price in force today, tax rate, archived), ranked
/// like every lookup (exact SKU, SKU prefix, name/pinyin prefix, substring); `a` adds, Enter or `e` edits (a new
/// price applies from a date), `x` archives or restores, `v` shows archived products too.
struct ProductsScreen: LedgerScreen {
    var table = TableState()
    var products: [Product] = []
    var prices: [String: Money] = [:]
    var showsArchived = false
    var form: ProductForm?
    var confirm: Dialog?

    var capturesText: Bool { form != nil || table.isEditingFilter }
    var hasUnsavedChanges: Bool { form?.form.hasUnsavedChanges ?? false }

    mutating func refresh(context: AppContext) {
        let search = table.filter.text.isEmpty ? nil : table.filter.text
        (products, prices) = context.read {
            try context.store.readSnapshot {
                let products = try context.store.productList(search: search, includeArchived: showsArchived,
                                                             page: PageRequest(limit: 1000))
                var prices: [String: Money] = [:]
                for product in products {
                    prices[product.sku] = try context.store.productPrice(sku: product.sku, on: context.today) ?? product.unitPrice
                }
                return (products, prices)
            }
        } ?? ([], [:])
        table.selectedRow = min(table.selectedRow, max(0, products.count - 1))
    }

    var selected: Product? { products.indices.contains(table.selectedRow) ? products[table.selectedRow] : nil }

    mutating func handle(_ event: Event, context: AppContext) -> ScreenOutcome {
        let s = context.strings
        if var open = form {
            switch open.handle(event, context: context) {
            case .open: form = open
            case .cancelled: form = nil
            case .saved(let product):
                form = nil
                refresh(context: context)
                return .message("\(s.t("Saved", "已保存")): \(product.sku) \(product.name)")
            case .failed(let message): form = open; return .error(message)
            }
            return .none
        }
        if var open = confirm {
            let outcome = open.handle(event)
            confirm = outcome == .open ? open : nil
            if outcome == .confirmed, let product = selected {
                do {
                    let after = try context.run(ArchiveProduct(sku: product.sku, archived: !product.isArchived))
                    refresh(context: context)
                    return .message("\(after.sku) \(after.isArchived ? s.t("archived", "已停用") : s.t("restored", "已恢复"))")
                } catch { return .error(error.description) }
            }
            return .none
        }
        if case .key(let key) = event, !table.isEditingFilter {
            switch key {
            case .char("a"): form = ProductForm(editing: nil, price: nil, context: context); return .none
            case .char("e"), .enter:
                if let product = selected { form = ProductForm(editing: product, price: prices[product.sku], context: context) }
                return .none
            case .char("x"):
                if let product = selected {
                    let question = product.isArchived
                        ? s.t("Restore \(product.sku) \(product.name)?", "恢复商品 \(product.sku) \(product.name)？")
                        : s.t("Archive \(product.sku) \(product.name)? It stays in past documents.",
                              "停用商品 \(product.sku) \(product.name)？历史单据保留。")
                    confirm = Dialog(title: s.t("Products", "商品"), message: question, kind: .confirm)
                }
                return .none
            case .char("v"):
                showsArchived.toggle()
                refresh(context: context)
                return .message(showsArchived ? s.t("Showing archived products too", "显示已停用商品")
                                : s.t("Archived products hidden", "隐藏已停用商品"))
            default: break
            }
        }
        let view = TableView(columns: ProductsScreen.columns(s))
        switch view.handle(event, state: &table, rowCount: products.count, pageSize: 15) {
        case .filterChanged:
            table.selectedRow = 0
            table.topRow = 0
            refresh(context: context)
        case .activated:
            if let product = selected { form = ProductForm(editing: product, price: prices[product.sku], context: context) }
        default: break
        }
        return .none
    }

    static func columns(_ s: Strings) -> [TableColumn] {
        [TableColumn(s.t("SKU", "商品编码"), width: .fixed(10)),
         TableColumn(s.name, width: .flexible(weight: 3, minimum: 14)),
         TableColumn(s.t("Category", "类别"), width: .flexible(weight: 1, minimum: 8)),
         TableColumn(s.t("Unit", "单位"), width: .fixed(5)),
         TableColumn(s.t("Price", "单价"), width: .fixed(12), alignment: .right),
         TableColumn(s.t("Tax", "税率"), width: .fixed(6), alignment: .right),
         TableColumn(s.t("Status", "状态"), width: .fixed(8))]
    }

    func keyBindings(_ s: Strings) -> [KeyBinding] {
        if let confirm { return LedgerApp.dialogBindings(confirm, s) }
        if let form { return form.form.keyBindings }
        return [KeyBinding([.up, .down], s.t("Move", "移动")), KeyBinding([.enter, .char("e")], s.t("Edit product", "编辑商品")),
                KeyBinding(.char("/"), s.search), KeyBinding(.char("a"), s.t("Add product", "新增商品")),
                KeyBinding(.char("x"), s.t("Archive/restore", "停用/恢复")),
                KeyBinding(.char("v"), s.t("Show archived", "显示已停用"))]
    }

    func render(into buffer: inout CellBuffer, in area: Rect, context: AppContext, unicode: Bool) -> Point? {
        let s = context.strings
        let heading = "\(s.t("Products", "商品")): \(products.count)" + (showsArchived ? s.t("  (with archived)", "（含已停用）") : "")
        buffer.setFitted(heading, x: area.x + 1, y: area.y, width: area.width - 2, style: Style(.accent, [.bold]))
        let rows = products.map { p -> [String] in
            let price = prices[p.sku] ?? p.unitPrice
            return [p.sku, p.name, p.category, p.unit, context.money(price.minorUnits, price.currency), p.taxRate.description,
                    p.isArchived ? s.t("archived", "已停用") : ""]
        }
        var state = table
        var view = s.localize(TableView(columns: ProductsScreen.columns(s)))
        view.alwaysShowsFilter = true
        view.render(into: &buffer, in: Rect(x: area.x, y: area.y + 1, width: area.width, height: max(0, area.height - 1)),
                    source: ArrayTableDataSource(rows: rows), state: &state)
        if let form {
            let box = area.centered(Size(width: min(area.width - 2, 70), height: area.height))
            buffer.fill(box, style: Style(.dialog))
            Border.draw(into: &buffer, rect: box, style: Style(.border), unicode: unicode)
            return form.form.render(into: &buffer, in: box.inset(by: 1), unicode: unicode)
        }
        if let confirm { LedgerApp.localized(confirm, s).render(into: &buffer, in: area, unicode: unicode); return nil }
        if table.isEditingFilter {
            return Point(x: area.x + 1 + DisplayWidth.of("/ ") + DisplayWidth.of(table.filter.text), y: area.maxY - 1)
        }
        return nil
    }
}
