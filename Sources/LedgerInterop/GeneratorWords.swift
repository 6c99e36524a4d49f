/// Word lists of the sample generator: invented company brands, industries, people and a product catalogue.
struct GeneratorWords {
    struct ProductItem {
        var name: String, category: String, unit: String, minPrice: Int, maxPrice: Int, taxBasisPoints: Int64
    }
    var brands: [String]
    var industries: [String]
    var salespeople: [String]
    var contacts: [String]
    var products: [ProductItem]

    static let chinese = GeneratorWords(
        brands: ["星河", "华信", "恒泰", "瑞丰", "金诚", "东方", "宏达", "鑫源", "新创", "嘉禾", "永盛", "天成",
                 "博远", "晨光", "汇通", "启明", "长虹", "明远", "盛世", "海纳", "中和", "安泰", "德润", "卓越"],
        industries: ["科技", "贸易", "电子", "食品", "五金", "商贸", "实业", "信息技术", "建材", "医疗器械", "文化用品", "物流"],
        salespeople: ["张伟", "王芳", "李娜", "刘洋", "陈静", "杨磊"],
        contacts: ["王经理", "李总", "赵会计", "孙主任", "周女士", "吴先生", "郑小姐", "钱经理", "冯总", "陈主管"],
        products: [
            ProductItem(name: "A4复印纸", category: "办公用品", unit: "箱", minPrice: 120, maxPrice: 180, taxBasisPoints: 1300),
            ProductItem(name: "中性笔（黑）", category: "办公用品", unit: "盒", minPrice: 15, maxPrice: 30, taxBasisPoints: 1300),
            ProductItem(name: "文件柜", category: "办公家具", unit: "个", minPrice: 600, maxPrice: 1500, taxBasisPoints: 1300),
            ProductItem(name: "人体工学办公椅", category: "办公家具", unit: "把",
                        minPrice: 800, maxPrice: 2600, taxBasisPoints: 1300),
            ProductItem(name: "会议桌", category: "办公家具", unit: "张", minPrice: 1800, maxPrice: 5200, taxBasisPoints: 1300),
            ProductItem(name: "激光打印机", category: "电子产品", unit: "台",
                        minPrice: 1200, maxPrice: 4800, taxBasisPoints: 1300),
            ProductItem(name: "笔记本电脑", category: "电子产品", unit: "台",
                        minPrice: 4500, maxPrice: 9800, taxBasisPoints: 1300),
            ProductItem(name: "显示器 27英寸", category: "电子产品", unit: "台",
                        minPrice: 1100, maxPrice: 2600, taxBasisPoints: 1300),
            ProductItem(name: "无线键鼠套装", category: "电子产品", unit: "套", minPrice: 90, maxPrice: 260, taxBasisPoints: 1300),
            ProductItem(name: "不锈钢保温杯", category: "日用百货", unit: "个", minPrice: 45, maxPrice: 120, taxBasisPoints: 1300),
            ProductItem(name: "纸巾（整箱）", category: "日用百货", unit: "箱", minPrice: 60, maxPrice: 110, taxBasisPoints: 1300),
            ProductItem(name: "矿泉水 550ml", category: "食品饮料", unit: "箱",
                        minPrice: 28, maxPrice: 45, taxBasisPoints: 900),
            ProductItem(name: "绿茶礼盒", category: "食品饮料", unit: "盒", minPrice: 150, maxPrice: 480, taxBasisPoints: 900),
            ProductItem(name: "咖啡豆 1kg", category: "食品饮料", unit: "袋",
                        minPrice: 120, maxPrice: 260, taxBasisPoints: 900),
            ProductItem(name: "电钻套装", category: "五金工具", unit: "套", minPrice: 280, maxPrice: 900, taxBasisPoints: 1300),
            ProductItem(name: "螺丝刀组合", category: "五金工具", unit: "套", minPrice: 40, maxPrice: 150, taxBasisPoints: 1300),
            ProductItem(name: "安全帽", category: "劳保用品", unit: "顶", minPrice: 25, maxPrice: 80, taxBasisPoints: 1300),
            ProductItem(name: "劳保手套", category: "劳保用品", unit: "打", minPrice: 20, maxPrice: 60, taxBasisPoints: 1300),
            ProductItem(name: "设备安装服务", category: "服务", unit: "次", minPrice: 300, maxPrice: 2000, taxBasisPoints: 600),
            ProductItem(name: "年度维保服务", category: "服务", unit: "年",
                        minPrice: 2000, maxPrice: 12000, taxBasisPoints: 600),
        ])

    static let english = GeneratorWords(
        brands: ["Northstar", "Bluewave", "Evergreen", "Summit", "Harbor", "Ironwood", "Silverline", "Redwood",
                 "Brightpath", "Clearwater", "Goldfield", "Oakridge", "Pinecrest", "Riverside",
                 "Stonebridge", "Westgate"],
        industries: ["Trading", "Electronics", "Foods", "Hardware", "Supplies", "Technology", "Logistics", "Medical"],
        salespeople: ["Alice Chen", "Bob Smith", "Carol Jones", "David Lee", "Emma Brown", "Frank Wang"],
        contacts: ["Ms. Taylor", "Mr. Green", "Ms. Hall", "Mr. King", "Ms. Wright", "Mr. Scott"],
        products: [
            ProductItem(name: "Copy paper A4", category: "Office supplies", unit: "box",
                        minPrice: 20, maxPrice: 35, taxBasisPoints: 800),
            ProductItem(name: "Gel pens (black)", category: "Office supplies", unit: "pack",
                        minPrice: 3, maxPrice: 8, taxBasisPoints: 800),
            ProductItem(name: "Filing cabinet", category: "Furniture", unit: "each",
                        minPrice: 90, maxPrice: 250, taxBasisPoints: 800),
            ProductItem(name: "Ergonomic chair", category: "Furniture", unit: "each",
                        minPrice: 150, maxPrice: 420, taxBasisPoints: 800),
            ProductItem(name: "Laser printer", category: "Electronics", unit: "each",
                        minPrice: 180, maxPrice: 700, taxBasisPoints: 800),
            ProductItem(name: "Laptop", category: "Electronics", unit: "each",
                        minPrice: 700, maxPrice: 1600, taxBasisPoints: 800),
            ProductItem(name: "27-inch monitor", category: "Electronics", unit: "each",
                        minPrice: 160, maxPrice: 400, taxBasisPoints: 800),
            ProductItem(name: "Coffee beans 1kg", category: "Food & drink", unit: "bag",
                        minPrice: 15, maxPrice: 35, taxBasisPoints: 0),
            ProductItem(name: "Drill set", category: "Hardware", unit: "set",
                        minPrice: 45, maxPrice: 140, taxBasisPoints: 800),
            ProductItem(name: "Installation service", category: "Services", unit: "visit",
                        minPrice: 60, maxPrice: 300, taxBasisPoints: 0),
        ])
}
