import LedgerCore
import TerminalUI

/// Products (商品): a searchable list (SKU, name, category, unit, price in force today, tax rate, archived), ranked
/// like every lookup (exact SKU, SKU prefix, name/pinyin prefix, substring); `a` adds, Enter or `e` edits (a new
/// price applies from a date), `x` archives or restores, `v` shows archived products too.
struct ProductsScreen: KeyedScreen {
    var table = TableState()
    var products: [Product] = []
    var prices: [String: Money] = [:]
    var showsArchived = false
    var modals = ModalStack<ProductsScreen>()

    var isTyping: Bool { table.isEditingFilter }

    mutating func refresh(context: AppContext) {
        let search = table.filter.text.isEmpty ? nil : table.filter.text
        (products, prices) = context.read {
            try context.store.readSnapshot {
                let products = try context.store.productList(search: search, includeArchived: showsArchived,
                                                             page: PageRequest(limit: 1000))
                var prices: [String: Money] = [:]
                for product in products {
                    prices[product.sku] = try context.store.productPrice(sku: product.sku, on: context.today)
                        ?? product.unitPrice
                }
                return (products, prices)
            }
        } ?? ([], [:])
        table.selectedRow = min(table.selectedRow, max(0, products.count - 1))
    }

    var selected: Product? { products.indices.contains(table.selectedRow) ? products[table.selectedRow] : nil }

    mutating func handle(_ event: Event, context: AppContext) -> ScreenOutcome {
        if let outcome = dispatch(event, context: context) { return outcome }
        let s = context.strings
        var view = TableView(columns: ProductsScreen.columns(s))
        view.isSortable = false
        switch view.handle(event, state: &table, rowCount: products.count, pageSize: 15) {
        case .filterChanged:
            table.selectedRow = 0
            table.topRow = 0
            refresh(context: context)
        case .activated:
            editSelected(context: context)
        default: break
        }
        return .none
    }

    /// Codes, units and figures as wide as their widest visible cell (the table widens them; tryout s18: Northwind's
    /// units were cut to "10 b~" in 5 cells); names and categories share the rest.
    static func columns(_ s: Strings) -> [TableColumn] {
        func fitted(_ title: String, _ alignment: Alignment = .left) -> TableColumn {
            TableColumn(title, width: .fixed(DisplayWidth.of(title)), alignment: alignment, fitsContent: true)
        }
        return [fitted(s.t("SKU", "商品编码")),
                TableColumn(s.name, width: .flexible(weight: 3, minimum: 14)),
                TableColumn(s.t("Category", "类别"), width: .flexible(weight: 1, minimum: 8)),
                fitted(s.t("Unit", "单位")), fitted(s.t("Price", "单价"), .right), fitted(s.t("Tax", "税率"), .right),
                fitted(s.t("Status", "状态"))]
    }

    mutating func editSelected(context: AppContext) {
        if let product = selected {
            modals.push(ProductForm(editing: product, price: prices[product.sku], context: context))
        }
    }

    func keyTable(_ s: Strings) -> KeyTable<ProductsScreen, ScreenOutcome> {
        let hasRow: (ProductsScreen) -> Bool = { $0.selected != nil }
        return KeyTable([
            .move(s, when: { !$0.products.isEmpty }),
            KeyCommand([.enter, .char("e")], s.t("Edit product", "编辑商品"), when: hasRow) { screen, context in
                screen.editSelected(context: context)
                return .none
            },
            KeyCommand(.char("/"), s.search),
            KeyCommand(.char("a"), s.t("Add product", "新增商品")) { screen, context in
                screen.modals.push(ProductForm(editing: nil, price: nil, context: context))
                return .none
            },
            KeyCommand(.char("x"), s.t("Archive/restore", "停用/恢复"), when: hasRow) { screen, _ in
                screen.askArchive(s)
                return .none
            },
            KeyCommand(.char("v"), s.t("Show archived", "显示已停用")) { screen, context in
                screen.showsArchived.toggle()
                screen.refresh(context: context)
                return .message(screen.showsArchived ? s.t("Showing archived products too", "显示已停用商品")
                                : s.t("Archived products hidden", "隐藏已停用商品"))
            },
        ])
    }

    /// Asks before archiving (or restoring) the selected product.
    mutating func askArchive(_ s: Strings) {
        guard let product = selected else { return }
        let question = product.isArchived
            ? s.t("Restore \(product.sku) \(product.name)?", "恢复商品 \(product.sku) \(product.name)？")
            : s.t("Archive \(product.sku) \(product.name)? It stays in past documents.",
                  "停用商品 \(product.sku) \(product.name)？历史单据保留。")
        modals.push(DialogModal.confirm(s.t("Products", "商品"), question) { screen, context in
            do {
                let after = try context.run(ArchiveProduct(sku: product.sku, archived: !product.isArchived))
                screen.refresh(context: context)
                return .message("\(after.sku) \(after.isArchived ? s.t("archived", "已停用") : s.t("restored", "已恢复"))")
            } catch { return .error("\(error)") }
        })
    }

    func render(into buffer: inout CellBuffer, in area: Rect, context: AppContext, unicode: Bool) -> Point? {
        let s = context.strings
        let heading = "\(s.t("Products", "商品")): \(products.count)"
            + (showsArchived ? s.t("  (with archived)", "（含已停用）") : "")
        buffer.setFitted(heading, x: area.x + 1, y: area.y, width: area.width - 2, style: Style(.accent, [.bold]))
        let rows = products.map { p -> [String] in
            let price = prices[p.sku] ?? p.unitPrice
            return [p.sku, p.name, p.category, p.unit, context.money(price.minorUnits, price.currency),
                    p.taxRate.description,
                    p.isArchived ? s.t("archived", "已停用") : ""]
        }
        var state = table
        var view = s.localize(TableView(columns: ProductsScreen.columns(s)))
        view.alwaysShowsFilter = true
        view.render(into: &buffer,
                    in: Rect(x: area.x, y: area.y + 1, width: area.width, height: max(0, area.height - 1)),
                    source: ArrayTableDataSource(rows: rows), state: &state)
        if !modals.isEmpty { return modals.render(into: &buffer, in: area, context: context, unicode: unicode) }
        if table.isEditingFilter {
            return Point(x: area.x + 1 + DisplayWidth.of("/ ") + DisplayWidth.of(table.filter.text), y: area.maxY - 1)
        }
        return nil
    }
}
