import LedgerCore
import TerminalUI

/// Products (商品): a searchable list (SKU, name, category, unit, price in force today, tax rate, archived), ranked
/// like every lookup (exact SKU, SKU prefix, name/pinyin prefix, substring); `a` adds, Enter or `e` edits (a new
/// price applies from a date), `x` archives or restores, `v` shows archived products too. Tab turns to the other
/// master data kept here (s34-fix2): the salespeople (`SalespeoplePanel`) and the ledger's settings
/// (`LedgerSettingsPanel`, the default tax rate).
struct ProductsScreen: KeyedScreen {
    enum Panel: Int, CaseIterable { case products, salespeople, settings }
    var panel = Panel.products
    var salespeople = SalespeoplePanel()
    var settings = LedgerSettingsPanel()
    var table = TableState()
    var products: [Product] = []
    var prices: [String: Money] = [:]
    var showsArchived = false
    var modals = ModalStack<ProductsScreen>()

    var isTyping: Bool {
        switch panel {
        case .products: return table.isEditingFilter
        case .salespeople: return salespeople.table.isEditingFilter
        case .settings: return false
        }
    }

    mutating func refresh(context: AppContext) {
        refreshProducts(context: context)
        salespeople.refresh(context: context)
        settings.refresh(context: context)
    }

    mutating func refreshProducts(context: AppContext) {
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
        switch panel {
        case .products: break
        case .salespeople:
            if salespeople.handle(event, s: s), let person = salespeople.selected { editSalesperson(person, context) }
            return .none
        case .settings: return .none
        }
        var view = TableView(columns: ProductsScreen.columns(s))
        view.isSortable = false
        switch view.handle(event, state: &table, rowCount: products.count, pageSize: 15) {
        case .filterChanged:
            table.selectedRow = 0
            table.topRow = 0
            refreshProducts(context: context)
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

    mutating func editSalesperson(_ person: Salesperson, _ context: AppContext) {
        modals.push(EntryModal<ProductsScreen, SalespersonForm>(entry: SalespersonForm(editing: person,
                                                                                       context: context)) {
            screen, context in screen.salespeople.refresh(context: context)
        })
    }

    /// Tab / S-Tab: the next or previous panel, then the panel's own keys.
    func keyTable(_ s: Strings) -> KeyTable<ProductsScreen, ScreenOutcome> {
        func turn(_ step: Int) -> (inout ProductsScreen, AppContext) -> ScreenOutcome {
            { screen, context in
                screen.panel = Panel(rawValue: (screen.panel.rawValue + step) % Panel.allCases.count)!
                screen.refresh(context: context)
                return .message("")
            }
        }
        let panels = [
            KeyCommand<ProductsScreen, ScreenOutcome>(.tab, s.t("Next panel", "下一面板"),
                                                      help: s.t("products, salespeople, ledger settings",
                                                                "商品、业务员、账套设置"), run: turn(1)),
            KeyCommand(.backTab, s.t("Previous panel", "上一面板"), hint: false, run: turn(Panel.allCases.count - 1)),
        ]
        // The panel's own keys first: at 80 columns the hint bar keeps them (the tabs above name the panels).
        switch panel {
        case .products: return KeyTable(productKeys(s).commands + panels)
        case .salespeople: return KeyTable(salespersonKeys(s) + panels)
        case .settings:
            return KeyTable([
                KeyCommand([.char("t"), .enter], s.t("Default tax rate", "默认税率"),
                           help: s.t("ledger settings: the rate new products, free lines and imported sales take",
                                     "账套设置：新商品、自由行和导入销售采用的税率")) { screen, _ in
                    screen.modals.push(LedgerSettingsPanel.prompt(screen.settings.taxRate?.rate, s))
                    return .none
                },
                KeyCommand(.char("c"), s.t("Company name", "公司名称"),
                           help: s.t("ledger settings: the company name on documents and statements",
                                     "账套设置：单据和对账单上的公司名称")) { screen, _ in
                    screen.modals.push(LedgerSettingsPanel.companyPrompt(screen.settings.company, s))
                    return .none
                },
                KeyCommand(.char("b"), s.t("Base currency", "本位币"),
                           help: s.t("ledger settings: the base currency, while the ledger has no documents",
                                     "账套设置：本位币（仅在账套尚无单据时可改）"),
                           when: { $0.settings.hasDocuments == false }) { screen, _ in
                    screen.modals.push(LedgerSettingsPanel.currencyPrompt(screen.settings.currency, s))
                    return .none
                },
            ] + panels)
        }
    }

    /// The salespeople panel's keys.
    func salespersonKeys(_ s: Strings) -> [KeyCommand<ProductsScreen, ScreenOutcome>] {
        [.move(s, when: { !$0.salespeople.shown.isEmpty }),
         KeyCommand([.enter, .char("e")], s.t("Edit salesperson", "编辑业务员"),
                    when: { $0.salespeople.selected != nil }) { screen, context in
             if let person = screen.salespeople.selected { screen.editSalesperson(person, context) }
             return .none
         },
         KeyCommand(.char("/"), s.search),
         KeyCommand(.char("a"), s.t("Add salesperson", "新增业务员")) { screen, context in
             screen.modals.push(EntryModal<ProductsScreen, SalespersonForm>(entry: SalespersonForm(context: context)) {
                 screen, context in screen.salespeople.refresh(context: context)
             })
             return .none
         }]
    }

    /// The products panel's keys.
    func productKeys(_ s: Strings) -> KeyTable<ProductsScreen, ScreenOutcome> {
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
                screen.refreshProducts(context: context)
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
        // The panels' tabs on the first row, the active one with its count.
        TabBar(titles: [
            "\(s.t("Products", "商品")): \(products.count)" + (showsArchived ? s.t("  (with archived)", "（含已停用）") : ""),
            "\(s.t("Salespeople", "业务员")): \(salespeople.people.count)", s.t("Ledger settings", "账套设置"),
        ], selected: panel.rawValue).render(into: &buffer, in: area.row(0))
        let below = Rect(x: area.x, y: area.y + 1, width: area.width, height: max(0, area.height - 1))
        switch panel {
        case .products: break
        case .salespeople:
            salespeople.render(into: &buffer, in: below, context: context)
            if !modals.isEmpty { return modals.render(into: &buffer, in: area, context: context, unicode: unicode) }
            guard salespeople.table.isEditingFilter else { return nil }
            return Point(x: area.x + DisplayWidth.of(s.t("Filter: ", "筛选："))
                            + DisplayWidth.of(salespeople.table.filter.text), y: area.maxY - 1)
        case .settings:
            settings.render(into: &buffer, in: below, context: context)
            return modals.isEmpty ? nil : modals.render(into: &buffer, in: area, context: context, unicode: unicode)
        }
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
                    in: below, source: ArrayTableDataSource(rows: rows), state: &state)
        if !modals.isEmpty { return modals.render(into: &buffer, in: area, context: context, unicode: unicode) }
        if table.isEditingFilter {
            return Point(x: area.x + 1 + DisplayWidth.of("/ ") + DisplayWidth.of(table.filter.text), y: area.maxY - 1)
        }
        return nil
    }
}
