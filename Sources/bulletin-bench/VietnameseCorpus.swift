import BulletinCore

/// Deterministic Vietnamese text for benchmarks, built from the words of the real bulletin of 2024-09-05.
///
/// Article bodies are made by a word-level Markov chain over the sample's article paragraphs: after each word,
/// the next one follows it in the sample with probability ``followProbability``, else it is any word of the sample.
/// That keeps the sample's vocabulary, diacritics and phrasing while making text that does not repeat; its zlib
/// ratio (about 3.7× at level 6) is close to the real bulletin's (3.65×), so compression figures stay honest.
/// The same seed always gives the same text.
struct VietnameseCorpus {
    /// How often the next word is one that follows the current word in the sample (tuned so that generated text
    /// compresses like the real bulletin).
    static let followProbability = 0.65

    /// The tokens (words with their punctuation) of the sample's article paragraphs, in order.
    static let tokens: [Substring] = sourceText.split(whereSeparator: { $0 == " " || $0 == "\n" })

    /// For each distinct token, the indices of the tokens that follow it in the sample.
    static let successors: [Substring: [Int]] = {
        var successors: [Substring: [Int]] = [:]
        for index in tokens.indices.dropLast() {
            successors[tokens[index], default: []].append(index + 1)
        }
        return successors
    }()

    private var random: SeededRandom

    /// Creates a generator; the same seed gives the same sequence of texts.
    init(seed: UInt64) {
        random = SeededRandom(seed: seed)
    }

    /// An article title: one of the sample's titles, or a short generated phrase.
    mutating func title() -> String {
        if random.next() % 2 == 0, let title = Self.titles.randomElement(using: &random) {
            return title
        }
        let words = phrase(minimumBytes: 40)
        return words.prefix(1).uppercased() + words.dropFirst()
    }

    /// Paragraphs totalling at least `targetBytes` bytes of UTF-8 (~5 KB by default), each 400–1,600 bytes and
    /// ending with a sentence end.
    mutating func articleBody(targetBytes: Int = 5_000) -> [String] {
        var paragraphs: [String] = []
        var total = 0
        while total < targetBytes {
            let size = Int.random(in: 400...1_600, using: &random)
            let paragraph = sentenceRun(minimumBytes: min(size, targetBytes - total))
            total += paragraph.utf8.count
            paragraphs.append(paragraph)
        }
        return paragraphs
    }

    /// Words from the chain, starting after a sentence end, until at least `minimumBytes` bytes and the end of a
    /// sentence.
    mutating func sentenceRun(minimumBytes: Int) -> String {
        var text = ""
        var index = sentenceStart()
        while true {
            let token = Self.tokens[index]
            if !text.isEmpty {
                text += " "
            }
            text += token
            if text.utf8.count >= minimumBytes, token.last == "." {
                return text
            }
            index = nextIndex(after: index)
        }
    }

    /// Words from the chain until at least `minimumBytes` bytes, without a final full stop.
    private mutating func phrase(minimumBytes: Int) -> String {
        var words: [Substring] = []
        var bytes = 0
        var index = Int.random(in: Self.tokens.indices, using: &random)
        while bytes < minimumBytes {
            let word = Self.tokens[index]
            words.append(word)
            bytes += word.utf8.count + 1
            index = nextIndex(after: index)
        }
        return words.joined(separator: " ").trimmingTrailingPunctuation()
    }

    private mutating func sentenceStart() -> Int {
        let start = Int.random(in: Self.tokens.indices, using: &random)
        // Walk forward to the word after a full stop, so that paragraphs start like sentences.
        var index = start
        while index + 1 < Self.tokens.count {
            if Self.tokens[index].last == "." {
                return index + 1
            }
            index += 1
        }
        return 0
    }

    private mutating func nextIndex(after index: Int) -> Int {
        if Double.random(in: 0..<1, using: &random) < Self.followProbability,
            let next = Self.successors[Self.tokens[index]]?.randomElement(using: &random)
        {
            return next
        }
        return Int.random(in: Self.tokens.indices, using: &random)
    }

    /// The titles of the sample's articles, as in its table of contents.
    static let titles: [String] = [
        "Tăng cường cải cách hành chính, kiểm soát thủ tục hành chính",
        "“Phủ sóng” toàn quốc cấp phiếu lý lịch tư pháp trên VneID",
        "iHanoi đã tiếp nhận 5.700 phản ánh, kiến nghị",
        "Bắc Giang: Hơn 129 nghìn người dân góp ý về chính quyền thân thiện",
        "Lâm Đồng: Đẩy mạnh ứng dụng, phát triển công nghệ thông tin, chuyển đổi số",
        "Long An: Thực hiện quả cải cách hành chính đề tạo đột phá trong phát triển kinh tế",
        "Cần Thơ: Gắn kết chuyển đổi số với cải cách hành chính",
        "Cán bộ ngồi 1 vị trí lâu sẽ khó có đổi mới, Hà Nội luân chuyển là cần thiết",
        "Tạo môi trường công khai, minh bạch",
        "“Trái ngọt” từ chủ trương chuyển đổi số",
    ]

    /// The sample's article paragraphs (NFC), one per line, without the back-to-top links.
    static let sourceText = """
        Tại buổi làm việc, Phó Chánh Văn phòng Bộ Lê Tuấn Phong đã báo cáo tóm tắt về kết quả thực hiện nhiệm vụ \
        công tác 8 tháng đầu năm 2024. Theo đó, với sự lãnh đạo, chỉ đạo sát sao của Lãnh đạo Bộ, sự đoàn kết, nỗ \
        lực, cố gắng của toàn thể công chức, người lao động, các nhiệm vụ chính trị của Văn phòng Bộ đã được thực \
        hiện chủ động, bám sát chỉ đạo của Lãnh đạo Bộ và kế hoạch công tác đề ra.
        Công tác tham mưu, giúp Bộ trưởng lãnh đạo, chỉ đạo, điều hành và quản lý các hoạt động của Bộ, ngành Tư \
        pháp được thực hiện quyết liệt, trách nhiệm, kịp thời giúp công tác tư pháp được triển khai đồng bộ, xuyên \
        suốt từ Trung ương đến địa phương. Công
        tác cải cách hành chính, kiểm soát thủ tục hành chính, thực hiện cơ chế một cửa, một cửa liên thông và ứng \
        dụng hệ thống quản lý chất lượng ISO trong hoạt động cơ quan Bộ Tư pháp, tham mưu triển khai thực hiện Đề án \
        06, quản lý báo chí, truyền thông, lễ tân, đối ngoại, văn thư, lưu trữ của Bộ Tư pháp được tham mưu thực \
        hiện bài bản, hiệu quả. Công tác quản lý cơ sở vật chất, tài sản, kinh phí hoạt động, bảo đảm phương tiện, \
        điều kiện làm việc, bảo đảm an ninh trật tự phục vụ chung cho hoạt động của Bộ được thực hiện nề nếp, góp \
        phần phục vụ tốt việc thực hiện nhiệm vụ của Lãnh đạo Bộ, nhiệm vụ chuyên môn của các đơn vị thuộc Bộ.
        Bên cạnh kết quả đạt được, Lãnh đạo Văn phòng Bộ cũng chỉ ra một số tồn tại trong thực hiện nhiệm vụ 8 tháng \
        đầu năm và phân tích nguyên nhân. Trong những tháng cuối năm 2024, Văn phòng Bộ xác định các nhiệm vụ, giải \
        pháp chủ yếu bao gồm: Chủ động, kịp thời tham mưu Lãnh đạo Bộ trong công tác chỉ đạo, điều hành triển khai \
        công tác tư pháp của Bộ, ngành; nghiên cứu, tham mưu thực hiện thực hiện nhiệm vụ về phát triển kinh tế-xã \
        hội của Bộ, ngành Tư pháp.
        Tiếp tục tham mưu thực hiện nhiệm vụ liên quan đến công tác cải cách hành chính, kiểm soát thủ tục hành \
        chính, thường trực Tổ công tác của Bộ Tư pháp triển khai Đề án 06, nhất là các nhiệm vụ triển khai chính \
        thức trên toàn quốc đối với nhóm thủ tục hành chính “Đăng ký kết hôn xác nhận tình trạng hôn nhân” và “Dịch \
        vụ công thu, nộp tạm ứng án phí, lệ phí Tòa án trên Cổng dịch vụ công quốc gia”, triển khai mở rộng thí điểm \
        cấp Phiếu Lý lịch tư pháp trên ứng dụng VNeID trên toàn quốc từ ngày 1/10/2024 đến ngày 30/6/2025...
        Theo dõi, đôn đốc, triển khai các nhiệm vụ tại kế hoạch công tác truyền thông về hoạt động của Bộ, ngành Tư \
        pháp năm 2024, chú trọng phối hợp đẩy mạnh truyền thông chính sách. Tham mưu triển khai thực hiện các nhiệm \
        vụ tại Kế hoạch hoạt động hướng tới tổ chức kỷ niệm 80 năm Ngày Truyền thống ngành Tư pháp Việt Nam và Đại \
        hội thi đua yêu nước ngành Tư pháp lần thứ VI...
        Cùng với đó, tăng cường ứng dụng công nghệ thông tin trong công tác văn thư, lưu trữ. Theo dõi, đôn đốc, \
        giám sát và tổng hợp tình hình thực hiện dự toán ngân sách, đẩy nhanh tiến độ thực hiện thủ tục thanh quyết \
        toán kinh phí giao tự chủ, kinh phí thực hiện các nhiệm vụ thường xuyên, đột xuất của các đơn vị khối Văn \
        phòng. Hoàn thành xây dựng, trình Lãnh đạo Bộ phương án sắp xếp, bố trí diện tích làm việc của các đơn vị \
        tại trụ sở cơ quan Bộ Tư pháp... (Baophapluat.vn 05/9, Lê Hồng)
        Sau hai địa phương gồm Hà Nội và Thừa Thiên Huế thí điểm cấp Phiếu lý lịch tư pháp trên VNeID đem lại những \
        kết quả và lợi ích to lớn cho người dân, xã hội, từ 1/10 tới đây, hoạt động này sẽ được nhân rộng ra trên \
        toàn quốc. Những kết quả từ việc thí điểm ở Hà Nội và Thừa Thiên Huế sẽ là nền tảng vững chắc giúp công tác \
        này đạt được sự đồng bộ, hiệu quả cao.
        Thống kê của Cục Cảnh sát Quản lý hành chính về Trật tự xã hội, Bộ Công an, đến thời điểm này, việc cấp \
        Phiếu lý lịch tư pháp trên VNeID tại TP Hà Nội đã tiếp nhận gần 63.000 hồ sơ, trong đó yêu cầu cấp trên ứng \
        dụng VNeID là 43.183 hồ sơ, chiếm 69,3%, tăng trên 13.000 hồ sơ so với tháng 7/2024. Tại tỉnh Thừa Thiên \
        Huế, đã tiếp nhận 6.3322 hồ sơ, trong đó yêu cầu cấp trên ứng dụng VNeID là gần 5000 hồ sơ, chiếm 76,1%, \
        tăng 1.185 hồ sơ so với tháng 7/2024.
        Đánh giá của đồng chí Phạm Thị Thanh Hương, Phó Giám đốc Sở Tư pháp, UBND TP Hà Nội cho thấy, việc triển \
        khai cấp Phiếu lý lịch tư pháp trên VNeID đã mang lại rất nhiều tiện ích to lớn cho người dân, xã hội. Thay \
        vì phải đến trực tiếp bộ phận một cửa, giải quyết thủ tục hành chính để làm các thủ tục cấp Phiếu lý lịch tư \
        pháp gây mất thời gian, chi phí đi lại như trước, nay người dân chỉ cần sử dụng điện thoại thông minh có kết \
        nối Internet là hoàn toàn có thể dễ dàng thực hiện thủ tục trên ở bất cứ đâu.
        Kể từ khi thí điểm cấp Phiếu lý lịch tư pháp trên VNeID, cảnh tượng người dân phải xếp hàng từ sáng sớm, ùn \
        tắc tại những điểm cấp Phiếu lý lịch tư pháp như ngày xưa đã không còn. Công nghệ và dữ liệu được kết nối \
        thông suốt đã tạo nên một cuộc cách mạng trong cải cách thủ tục hành chính, thay đổi hoàn toàn phương thức \
        làm việc của cả cán bộ công chức cũng như thói quen của người dân trong giải quyết thủ tục hành chính, đem \
        lại hiệu quả rất lớn trong giải quyết thủ tục hành chính, góp phần phát triển kinh tế - xã hội.
        Theo Tổ Công tác triển khai Đề án 06 của Chính phủ, hiện nay, TP Hà Nội tiếp tục là địa phương đầu tiên trên \
        cả nước tham mưu, báo cáo trình HĐND TP Hà Nội xem xét việc hỗ trợ phí cung cấp thông tin lý lịch tư pháp \
        cho người dân khi thực hiện qua VNeID. Ngân sách thành phố hỗ trợ khoảng 9,7 tỷ đồng cho đến hết 31/12/2024 \
        nhưng bù lại, số lượng ước tính chi phí cắt giảm của các cơ quan Nhà nước khi phục vụ tại trụ sở như điện, \
        nước, không gian, người phục vụ, cơ sở vật chất, giấy in, thời gian lao động... là khoảng 40 tỷ đồng/năm.
        Không chỉ giảm thời gian, công sức, chi phí của người dân khi làm thủ tục cấp Phiếu lý lịch tư pháp, việc \
        cấp phiếu trên VNeID còn tạo đà triển khai Luật Giao dịch điện tử có hiệu lực từ 1/7 vừa qua đối với việc sử \
        dụng Phiếu lý lịch tư pháp điện tử cấp trên tài khoản VNeID tương đương với giấy tờ giấy khi thực hiện các \
        thủ tục hành chính, tạo điều kiện thuận lợi cho cả các cơ quan Nhà nước cũng như người dân, doanh nghiệp.
        Kể từ thời điểm Hà Nội và Thừa Thiên Huế triển khai thí điểm cấp Phiếu lý lịch tư pháp trên VNeID vào cuối \
        tháng 4 vừa qua, Tổ Công tác triển khai Đề án 06 của Chính phủ cũng như các bộ, ngành, địa phương đã quyết \
        liệt hoàn tất những nhiệm vụ, nội dung có liên quan để nhanh chóng nhân rộng việc cấp Phiếu lý lịch tư pháp \
        trên VNeID ra cả nước. Tại Hội nghị đánh giá tình hình 6 tháng đầu năm 2024 triển khai Đề án 06, một trong \
        những nhiệm vụ của 6 tháng cuối năm được Chính phủ và Thủ tướng Chính phủ giao Bộ Công an đó là, phối hợp \
        với các bộ, ngành, địa phương có lộ trình để đưa các
        Đối với Bộ Tư pháp, phải kết nối, chia sẻ dữ liệu giữa Cơ sở Dữ liệu quốc gia về dân cư với các cơ sở dữ \
        liệu của ngành tư pháp như Cơ sở dữ liệu hộ tịch điện tử, cơ sở dữ liệu quốc tịch, Cơ sở dữ liệu lý lịch tư \
        pháp. Cùng với đó, nghiên cứu, có giải pháp chia sẻ các dữ liệu hộ tịch, đặc biệt là dữ liệu khai sinh, khai \
        tử, đăng ký kết hôn, cải cách hộ tịch cho các bộ, ngành, địa phương để nâng cao hiệu quả thực hiện các nhiệm \
        vụ được giao, phục vụ Bộ Công an triển khai Luật Căn cước có hiệu lực từ 1/7 vừa qua.
        Trên cơ sở thí điểm, những vướng mắc, “điểm nghẽn” trong cấp Phiếu lý lịch tư pháp đã được UBND TP Hà Nội và \
        tỉnh Thừa Thiên Huế làm rõ và kiến nghị, đề xuất với các bộ, ngành có liên quan để nhanh chóng tháo gỡ, tạo \
        điều kiện thuận lợi nhất trước khi nhân rộng, triển khai ra toàn quốc. (Cand.com.vn 05/9, Hoàng Phong)
        Phó Chủ tịch UBND TP. Hà Nội Hà Minh Hải cho hay, sau 2 tháng triển khai (28/6 - 28/8), ứng dụng iHanoi đã \
        tiếp nhận 5.700 phản ánh, kiến nghị, trong đó đã xử lý 3.940 đạt trên 70%, đang xử lý 29% và chỉ có 69 kiến \
        nghị xử lý quá hạn, chiếm 0,02%.
        Theo đó, đến cuối tháng 8, đã có gần 800.000 người dân, doanh nghiệp và 100% công chức, viên chức thuộc \
        Thành phố tạo tài khoản trên iHanoi. Tổng số lượt truy cập iHanoi đạt trên 6 triệu lượt; đã tích hợp 2,5 \
        triệu sổ sức khỏe điện tử từ hệ thống hồ sơ sức khỏe điện tử Thành phố lên iHanoi phục vụ người dân tra \
        cứu...
        Đã có 468 sáng kiến xây dựng Thủ đô Ứng dụng nhận được nhiều đánh giá tích cực từ cộng đồng mạng, với 62,1% \
        người dùng đánh giá "hài lòng và chấp nhận" về chất lượng giải quyết phản ánh, kiến nghị của chính quyền.
        Phó Chủ tịch UBND TP. Hà Nội Hà Minh Hải cho hay, thời gian tới, Hà Nội tiếp tục đẩy mạnh tuyên truyền về \
        lợi ích của iHanoi để người dân hiểu và đồng thuận sử dụng. Thành phố sẽ tích hợp iHanoi với hệ thống giải \
        quyết thủ tục hành chính và các nền tảng thanh toán trực tuyến.
        Đồng thời, kết nối iHanoi với nền tảng Quản trị và Công thông tin điện tử Thành phố; tích hợp các tính năng \
        như tìm tuyến xe buýt, đặt chỗ đỗ xe, tra cứu điểm thi và tự động thông báo kết quả khám chữa bệnh. Phát \
        triển tính năng trợ lý ảo và Chatbot để hỗ trợ cán bộ, công chức và người dân.
        Về dự kiến định hướng kết nối, chia sẻ dữ liệu trong thời gian tới, Hà Nội sẽ phối hợp với Cục Cảnh sát giao \
        thông, Bộ Công an để cung cấp dữ liệu phạt nguội. Phối hợp với Cục Đăng kiểm, Bộ Giao thông vận tải để cung \
        cấp dữ liệu đăng kiểm. Phối hợp với Cục Đường bộ Việt Nam, Bộ Giao thông vận tải để cung cấp dữ liệu giám \
        sát hành trình. (Baoquocte.vn 04/9, Việt An)
        Sau 3 ngày khảo sát, từ ngày 28 đến 31/8, toàn tỉnh có 129.258 lượt người dân tham gia trả lời. Mỗi người \
        dân tương ứng với 1 phiếu khảo sát. Các huyện có số lượt người dân tham gia cao là: Tân Yên hơn 25.500 \
        phiếu, TP Bắc Giang hơn 24.800 phiếu, thị xã Việt Yên hơn 21.950 phiếu...
        Nhìn chung, đa số các ý kiến đánh giá cao sự hài lòng khi đến giải quyết thủ tục hành chính tại bộ phận một \
        cửa UBND cấp xã. Người dân ngày càng được tiếp cận nhiều hơn những thông tin về thực hiện quy chế dân chủ ở \
        cơ sở nhất là những nội dung cần niêm yết, thông báo công khai liên quan trực tiếp đến quyền lợi của người \
        dân.
        Được biết, nhằm bảo đảm kết quả khảo sát mang tính khách quan, thuận tiện cho người được lấy ý kiến, Ban Dân \
        vận Tỉnh ủy đã phối hợp với đơn vị chức năng tạo QR Code cho từng địa phương, đơn vị. Bên cạnh đó, thành \
        viên các tổ dân vận cộng đồng có trách nhiệm hướng dẫn người dân truy cập QR Code và trả lời các câu hỏi \
        trong phiếu khảo sát.
        Ban Chỉ đạo xây dựng chính quyền thân thiện các huyện ủy, thị ủy, thành ủy đã tích cực chỉ đạo kiểm tra, \
        giám sát, đôn đốc việc thực hiện; yêu cầu tổ công tác cấp xã hằng ngày đăng tin về hình ảnh công tác tuyên \
        truyền, hoạt động hỗ trợ người dân của đơn vị mình trên nhóm zalo chung.
        Từ kết quả khảo sát, Ban Dân vận Tỉnh ủy sẽ tham mưu, đề xuất với Thường trực Tỉnh ủy, Ban Thường vụ Tỉnh ủy \
        có những giải pháp lãnh đạo, chỉ đạo nâng cao chất lượng chính quyền thân thiện xã, phường, thị trấn trên \
        địa bàn tỉnh, làm căn cứ để đánh giá, công nhận đơn vị đạt chuẩn chính quyền thân thiện năm 2024. \
        (Baobacgiang.com.vn 04/9, Vân Anh)
        Những năm qua, tỉnh Lâm Đồng luôn chú trọng đến công tác đẩy mạnh ứng dụng công nghệ thông tin, chuyển đổi \
        số. Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XI, nhiệm kỳ 2020 - 2025 đã xác định việc đẩy mạnh ứng dụng công \
        nghệ thông tin (CNTT) là một trong các khâu đột phá; chỉ đạo triển khai Đề án “Xây dựng TP Đà Lạt trở thành \
        thành phố thông minh”.
        Nhằm đẩy mạnh công tác tuyên truyền, nâng cao nhận thức, tỉnh đã chỉ đạo, quán triệt, tuyên truyền về vị \
        trí, vai trò của CNTT, chuyển đổi số; đổi mới, đa dạng hóa các nội dung, hình thức tuyên truyền, nâng cao \
        nhận thức cho các cấp, các ngành và Nhân dân trong tỉnh về vai trò quan trọng của CNTT, chuyển đổi số trong \
        việc phát triển kinh tế - xã hội. Cổng thông tin điện tử của tỉnh, Báo Lâm Đồng, Đài Phát thanh - Truyền \
        hình Lâm Đồng đã xây dựng chuyên mục về chuyển đổi số tại địa chỉ: <http://chuyendoiso.lamdong.gov.vn>, OA \
        Zalo Chuyển đổi số, “Cổng hành chính công tỉnh Lâm Đồng”; hệ thống thông tin cơ sở đã tích cực tuyên truyền \
        về chuyển đổi số bám sát những nội dung nghị quyết; triển khai Cuộc thi trực tuyến “Tìm hiểu về cải cách \
        hành chính và chuyển đổi số trên địa bàn tỉnh Lâm Đồng”.
        Bên cạnh đó, các cấp ủy, chính quyền luôn quan tâm đầu tư cho ứng dụng và phát triển CNTT, chuyển đổi số; \
        giai đoạn năm 2014 - 2024, tỉnh đã bố trí kinh phí với tổng số tiền trên 900 tỷ đồng cho ứng dụng phát triển \
        CNTT, chuyển đổi số. Qua đó, đã xây dựng hệ thống hạ tầng thông tin quốc gia đồng bộ, hiện đại, liên thông; \
        kết nối băng rộng, chất lượng cao đến tất cả các xã, phường, thị trấn, cơ sở giáo dục; kết nối liên thông \
        giữa các cấp, các ngành từ Trung ương đến địa phương; kết nối với các nước trong khu vực và trên thế giới.
        Toàn tỉnh hiện có 17 doanh nghiệp bưu chính đang hoạt động với 361 điểm phục vụ, bán kính phục vụ bình quân \
        trên một điểm phục vụ 2,96 km; 100% xã trên địa bàn tỉnh có điểm bưu chính có người phục vụ. Hạ tầng bưu \
        chính được quan tâm đầu tư phát triển nhanh chóng, đảm bảo thông tin liên lạc, vận chuyển thư, báo, công \
        văn, tài liệu đến các xã trong ngày. Triển khai việc tiếp nhận hồ sơ và trả kết quả giải quyết thủ tục hành \
        chính qua dịch vụ bưu chính công ích (BCCI)...
        Nền tảng tích hợp, chia sẻ dữ liệu (LGSP) tỉnh Lâm Đồng được duy trì hoạt động ổn định phục vụ kết nối, liên \
        thông, đồng bộ dữ liệu giữa các hệ thống thông tin ở khối chính quyền; có đầy đủ chức năng, tính năng kỹ \
        thuật của Nền tảng chia sẻ, tích hợp dùng chung cấp bộ, cấp tỉnh (Phiên bản 1.0); đã hoàn thành kết nối \
        17/17 cơ sở dữ liệu, hệ thống thông tin của các bộ, ngành Trung ương thông qua nền tảng tích hợp, chia sẻ dữ \
        liệu quốc gia (NDXP).
        Nền tảng trung tâm giám sát điều hành thông minh (IOC) phục vụ chỉ đạo điều hành tập trung trên địa bàn tỉnh \
        đáp ứng yêu cầu chỉ đạo điều hành của lãnh đạo UBND tỉnh với 14 trung tâm giám sát, điều hành thông minh \
        IOC4. Duy trì hoạt động có hiệu quả Nền tảng trung tâm giám sát điều hành an toàn thông tin mạng tỉnh Lâm \
        Đồng (SOC), kết nối với Trung tâm Giám sát an toàn, an ninh mạng quốc gia mang lại hiệu quả cao hơn cho hoạt \
        động đảm bảo an toàn thông tin trong triển khai chính quyền điện tử. Duy trì, vận hành ổn định, kết nối 173 \
        điểm cầu trên địa bàn toàn tỉnh, phục vụ các cuộc họp trực tuyến từ Trung ương đến cơ sở.
        chúng nhận tín nhiệm mạng do Cục An toàn thông tin cung cấp; hệ thống thư điện tử tinh hoạt động ổn định, đã \
        triển khai đến 100% cơ quan hành chính nhà nước từ cấp tỉnh đến cấp xã và các đơn vị khác trên địa bàn tỉnh \
        với 6.750 hộp thư điện tử đã được khai báo và đưa vào sử dụng; hệ thống thông tin giải quyết TTHC của tỉnh \
        được xây dựng liên thông 4 cấp, hoàn thành kết nối với Cổng dịch vụ công quốc gia. Đã triển khai Kho dữ liệu \
        điện tử của cá nhân, tổ chức/Kho hồ sơ thủ tục hành chính, kết nối với hệ thống giám sát, đo lường mức độ \
        cung cấp và sử dụng dịch vụ (Hệ thống EMC)...
        Việc triển khai và sử dụng mạng truyền số liệu chuyên dùng của các cơ quan Đảng và Nhà nước mang lại hiệu \
        quả. Triển khai đường truyền Mạng truyền số liệu chuyên dùng đến 175 cơ quan Đảng, Nhà nước trên địa bàn \
        tỉnh (9 đơn vị cấp tỉnh, 24 đơn vị cấp huyện và 142 đơn vị) cấp xã, đảm bảo kết nối hệ thống hội nghị truyền \
        hình trực tuyến 4 cấp... (Baolamdong.vn 04/9, Hồng Vĩnh)
        Long An đang tập trung thực hiện có hiệu quả nhiều giải pháp để cải thiện và giữ vững 3 chỉ số (PCI, PGI, \
        PAR Index) ở nhóm đầu cả nước. Đây là một trong những nhiệm vụ quan trọng của cả hệ thống chính trị, góp \
        phần nâng cao vị thế và cải thiện môi trường đầu tư để Long An có bước phát triển đột phá, phấn đấu “về đích \
        sớm” thực hiện Nghị quyết Đại hội Đảng bộ các cấp.
        Theo kết quả công bố của Phòng Thương mại và Công nghiệp Việt Nam, Chỉ số năng lực cạnh tranh cấp tỉnh (PCI) \
        của Long An năm 2023 tăng cao về điểm số và thứ bậc, xếp thứ 2 cả nước. Chỉ số Xanh cấp tỉnh (PGI) cũng có \
        sự đột phá khi tăng 16 bậc so với năm 2022, xếp thứ 12 cả nước. Bên cạnh đó, Chỉ số Cải cách hành chính PAR \
        Index xếp thứ 8/63 tỉnh, thành phố. Kết quả này đã tiếp tục khẳng định niềm tin, sự đánh giá hài lòng ngày \
        càng cao và là phần thưởng trân quý từ cộng đồng doanh nghiệp và nhân dân.
        Long An đang đứng trước nhiều cơ hội, thuận lợi trong quá trình phát triển, song cũng đối mặt với không ít \
        khó khăn, thách thức. Do đó, để phấn đấu thực hiện thắng lợi Nghị quyết Đại hội Đảng bộ các cấp trong năm \
        2024 cần tiếp tục đổi mới tư duy, cách nghĩ, cách làm, nâng cao tinh thần trách nhiệm, ý thức phục vụ Nhân \
        dân; tăng cường kỷ luật, kỷ cương của đội ngũ cán bộ, công chức, viên chức trong thi hành nhiệm vụ.
        Bí thư Tỉnh ủy Long An Nguyễn Văn Đước đề nghị, cả hệ thống chính trị, nhân dân và cộng đồng doanh nghiệp \
        tiếp tục “đồng lòng, kề vai sát cánh” để xây dựng Long An trở thành trung tâm kinh tế năng động, hiệu quả và \
        phát triển bền vững. Cán bộ, công chức, viên chức phải nêu cao tinh thần tự soi, tự sửa, tự kiểm tra, kiểm \
        soát lại công việc và cần bám sát cơ sở theo phương châm “Gần dân, trọng dân, hiểu dân và có trách nhiệm với \
        dân” để kịp thời nắm bắt tâm tư, nguyện vọng chính đáng của người dân.
        Đồng thời, nêu cao tinh thần 5 thật (nghĩ thật, nói thật, làm thật, có hiệu quả thật, để người dân được \
        hưởng thụ thật) và 7 dám (dám nghĩ, dám nói, dám làm, dám chịu trách nhiệm, dám đổi mới sáng tạo, dám đương \
        đầu với khó khăn, thử thách và dám hành động vì lợi ích chung) để nâng cao hiệu quả công việc, phát triển \
        kinh tế địa phương và đem lại cuộc sống phồn vinh, văn minh, hạnh phúc cho người dân.
        Có thể nói, công tác cải thiện môi trường đầu tư kinh doanh và cải cách hành chính thời gian qua đã được \
        lãnh đạo Tỉnh quán triệt và tập trung chỉ đạo các ngành, các cấp tổ chức thực hiện quyết liệt, nghiêm túc, \
        thường xuyên. Từ đó, đã tạo được sự thay đổi tích cực về nhận thức và hành động của cán bộ, đảng viên, công \
        chức, viên chức trong thực thi công vụ góp phần củng cố niềm tin của nhân dân đối với Đảng bộ và chính quyền \
        các cấp trong tỉnh.
        Luôn đồng hành cùng doanh nghiệp là chủ trương nhất quán mà chính quyền tỉnh Long An đã thực hiện bằng những \
        hành động thiết thực để hỗ trợ doanh nghiệp trong suốt quá trình tìm hiểu, triển khai dự án và hoạt động sản \
        xuất kinh doanh tại địa phương. Lãnh đạo tỉnh thường xuyên thăm hỏi, họp mặt, đối thoại với các doanh nghiệp \
        để lắng nghe, chia sẻ và kịp thời tháo gỡ khó khăn, vướng mắc.
        Sau mỗi lần đối thoại, Ủy ban nhân dân tỉnh Long An đều có các thông báo kết luận, chỉ đạo theo dõi, đôn đốc \
        tình hình giải quyết của các cơ quan có liên quan để có những chỉ đạo kịp thời nhằm khơi thông những điểm \
        nghẽn trong quá trình sản xuất kinh doanh cho doanh nghiệp.
        Ngoài ra, Tổ công tác đặc biệt của tỉnh tích cực hỗ trợ, giải quyết nhanh thủ tục cho các doanh nghiệp trong \
        việc triển khai dự án, mở rộng sản xuất kinh doanh, tăng vốn đầu tư... hỗ trợ hiệu quả cho doanh nghiệp phát \
        triển sản xuất, kinh doanh, đã được cộng đồng doanh nghiệp đánh giá cao.
        Thời gian tới, Long An sẽ tiếp tục quyết liệt đẩy mạnh hơn nữa công tác cải cách hành chính, đặc biệt trong \
        lĩnh vực đầu tư, đăng ký kinh doanh, đất đai, xây dựng, môi trường; đẩy mạnh chuyển đổi số toàn diện để góp \
        phần nâng cao chất lượng, tính công khai, minh bạch trong cung cấp các dịch vụ công trực tuyến phục vụ người \
        dân, doanh nghiệp với chất lượng ngày càng tốt hơn. (Nhandan.vn 05/9, Thanh Phong)
        Để tạo nền tảng hình thành chính quyền điện tử, chính quyền số, trong thời gian qua, TP. Cần Thơ đã chú \
        trọng triển khai đầu tư, xây dựng và đưa vào vận hành các nền tảng chuyển đổi số phục vụ công tác cải cách \
        hành chính (CCHC). Qua đó, hiệu quả chỉ đạo, điều hành của cơ quan nhà nước các cấp cùng chất lượng phục vụ \
        người dân, doanh nghiệp từng bước được nâng cao.
        thiết thực cho người dân, doanh nghiệp. Từ năm 2021, thành phố triển khai các hệ thống quan trọng của Trung \
        tâm giám sát, điều hành đô thị thông minh (IOC), hệ thống thông tin báo cáo cấp thành phố; đồng thời triển \
        khai đầu tư, xây dựng và đưa vào vận hành các ứng dụng dùng chung để phục vụ công tác CCHC ở các sở, ban, \
        ngành và các địa phương, đơn vị nhằm tạo nền tảng hình thành và từng bước hoàn thiện chính quyền điện tử, \
        chính quyền số.
        Đến nay, mạng truyền số liệu chuyên dùng của thành phố đã hoàn thiện và triển khai đến 100% xã, phường, thị \
        trấn, các cơ quan Đảng, các tổ chức chính trị - xã hội thành phố với băng thông 100 Mbps bảo đảm an toàn, \
        bảo mật. Tỷ lệ cơ quan có mạng cục bộ (LAN) trên toàn thành phố đạt 100%. Trung tâm dữ liệu thành phố bảo \
        đảm duy trì, phục vụ cho việc vận hành các hệ thống dùng chung của thành phố như: Cổng dịch vụ công và hệ \
        thống một cửa điện tử; hệ thống quản lý cán bộ, công chức, viên chức; Cổng thông tin điện tử, email, quản lý \
        văn bản và điều hành, hội nghị truyền hình... Trong xu thế điện tử hóa, số hóa gắn với ứng dụng công nghệ \
        thông tin để giải quyết hồ sơ thủ tục hành chính, thành phố đã triển khai 100% dịch vụ công trực tuyến mức \
        độ 4 đủ điều kiện và đã tích hợp với Cổng dịch vụ công Quốc gia với hơn 909 thủ tục hành chính, liên thông \
        từ Cổng dịch vụ công quốc gia với Cổng dịch vụ công thành phố.
        Cùng với đó, thành phố đã xây dựng và phát triển các ứng dụng, dịch vụ nội bộ như: hệ thống thư điện tử để \
        phục vụ nhu cầu trao đổi thông tin trong công việc của cán bộ, công chức, viên chức các cơ quan, đơn vị; hệ \
        thống quản lý văn bản và điều hành được hỗ trợ cài đặt trên thiết bị di động có tích hợp chữ ký số, tạo điều \
        kiện thuận lợi cho lãnh đạo, công chức xử lý văn bản mọi lúc, mọi nơi; triển khai sử dụng chữ ký số chuyên \
        dùng trong phát hành các văn bản và tích hợp vào hệ thống quản lý văn bản và điều hành.
        Đến nay, ở hầu hết các địa phương, đơn vị, công tác chỉ đạo, điều hành triển khai chuyển đổi số trong các cơ \
        quan nhà nước đã gắn kết với công tác CCHC. Công tác tuyên truyền, nâng cao nhận thức về CCHC gắn với chuyển \
        đổi số được thực hiện thông qua nhiều hình thức như các phương tiện truyền thông đại chúng; Cổng và trang \
        thông tin điện tử, mạng xã hội, các tổ công nghệ số cộng đồng được thành lập tại tất cả các ấp, khu vực trên \
        địa bàn thành phố.
        Năm 2023, chỉ số CCHC (PAR INDEX) cấp sở của TP. Cần Thơ đạt giá trị trung bình 92,27%, tăng 1,76% so với \
        năm 2022. Đây là năm thứ ba liên tiếp, giá trị trung bình của chỉ số CCHC cấp sở tăng, cũng là năm thứ hai \
        thành phố có 16/16 đơn vị đạt kết quả chỉ số CCHC trên 80%, trong đó có 5 đơn vị đạt xếp loại rất tốt. Chỉ \
        số CCHC cấp huyện năm 2023 của Cần Thơ có giá trị trung bình là 93,93%, tăng 6,42% so với năm 2022. \
        (Daibieunhandan.vn 05/9, Vũ Châu)
        Chủ tịch UBND TP Hà Nội Trần Sỹ Thanh đã thay mặt Ban Cán sự Đảng Ủy ban nhân dân thành phố Hà Nội báo cáo \
        Ban Tổ chức Thành ủy Hà Nội về phương án sắp xếp trưởng phòng, phó trưởng phòng y tế thuộc UBND các quận, \
        huyện, thị xã trên địa bàn.
        Theo đó, nội dung báo cáo cho biết, có 17 trường hợp là Trưởng phòng Y tế thuộc UBND các quận, huyện, thị xã \
        thuộc diện đề xuất luân chuyển, điều động. Trong đó, có 10 cán bộ có thời gian giữ chức vụ từ 10 - 19 năm và \
        7 cán bộ có thời gian giữ chức vụ từ 5 - 8 năm.
        Trao đổi về vấn đề này, Tiến sĩ Nguyễn Việt Chúc - nguyên Phó Chủ nhiệm Ủy ban Văn hóa, Giáo dục, Thanh \
        niên, Thiếu niên và Nhi đồng (nay là Ủy ban Văn hóa, Giáo dục) của Quốc hội cho rằng, đây là một phương án \
        kịp thời của thành phố Hà Nội trong thời điểm hiện nay, đặc biệt là với lĩnh vực y tế.
        Vị này cho biết thêm: "Cần phải nhìn nhận thẳng thắn rằng, nếu một cán bộ quản lý được kinh qua nhiều vị trí \
        khác nhau, tại nhiều đơn vị khác nhau thì chắc chắn họ cũng sẽ tích lũy được nhiều kinh nghiệm quản lý hơn. \
        Đồng thời, khi trải qua nhiều môi trường họ cũng sẽ phát huy được sở trường, thế mạnh để vận dụng, ứng biến \
        với các tình huống.
        Qua đó, nêu lên một số lưu ý với phương thức thực hiện chủ trương này của thành phố Hà Nội, Tiến sĩ Nguyễn \
        Việt Chúc cho hay, sau khi thực hiện việc luân chuyển thì cơ quan quản lý, phân công, điều động cần có sự \
        theo dõi chặt chẽ với cán bộ đó.
        Đặc biệt là với những người có năng lực và tư duy nhạy bén, tư tưởng làm việc mang tính cải cách thì cần tạo \
        điều kiện giúp đỡ, rèn luyện để có thể bố trí, cơ cấu người đó vào các vị trí cao hơn", vị nguyên Phó Chủ \
        nhiệm Ủy ban Văn hóa, Giáo dục của Quốc hội bày tỏ.
        Theo nhận định của Tiến sĩ Nguyễn Việt Chúc, thời gian làm việc của một số lãnh đạo cấp phòng tại các quận, \
        huyện, thị xã ở Hà Nội lên đến 19 năm là quá dài, quá lâu. Đó có thể coi là bất cập trong công tác tổ chức \
        cán bộ và thể hiện sự thiếu linh hoạt trong sắp xếp, điều động cán bộ của lãnh đạo Thành ủy Hà Nội ở nhiệm \
        kỳ trước.
        "Một cán bộ làm lãnh đạo cấp phòng ở một địa phương gần 20 là điều gây nhiều băn khoăn. Đồng thời nó làm mất \
        đi vai trò và mục đích tốt đẹp của chủ trương luân chuyển, điều động cán bộ của Đảng và Nhà nước nhằm tạo ra \
        những thế hệ lãnh đạo xông pha, dám nghĩ, dám làm", ông Chúc nhấn mạnh.
        Cùng quan điểm về vấn đề này, ông Lê Như Tiến - nguyên Phó Chủ nhiệm Ủy ban Văn hóa, Giáo dục, Thanh niên, \
        Thiếu niên và Nhi đồng (nay là Ủy ban Văn hóa, Giáo dục) của Quốc hội; Đại biểu Quốc hội các khóa XII, XIII \
        đánh giá cao việc rà soát, luân chuyển cán bộ của lãnh đạo Ủy ban nhân dân thành phố Hà Nội.
        Qua đó, ông Tiến nhận định, khi một cán bộ làm ở vị trí lãnh đạo tại một cơ quan cấp phòng quá lâu thì có \
        thể họ quá hiểu về địa phương họ quản lý và khi đó chính cán bộ đó cũng không có sự sáng tạo, đổi mới trong \
        công việc, lề lối làm việc.
        Đồng thời vị này cho rằng: "Khi cán bộ làm việc trong môi trường như vậy thì khó có thể xuất hiện những tình \
        huống mới, bất ngờ cần đến sự ứng biến, xử trí của chính lãnh đạo đó. Vì thế chính trong tư tưởng những \
        người này cũng xảy ra sự trì trệ, thiếu sự đổi mới, sáng tạo.
        Chính vì điều này mà từ trước đến nay, Đảng và Nhà nước ta đã coi việc luân chuyển cán bộ là chủ trương rất \
        quan trọng. Trong đó chúng ta đã nhiều lần thực hiện việc điều động, luân chuyển cán bộ từ địa phương ra \
        trung ương và từ trung ương về các địa phương và đã cho thấy tính hiệu quả". (Giaoduc.net.vn 04/9, Trung \
        Dũng)
        Theo số liệu giám sát, đo lường mức độ cung cấp và sử dụng dịch vụ chính phủ số, tính từ ngày 1/1 đến 20/8 \
        của Bộ Thông tin và Truyền thông, đã có 81% thủ tục hành chính được triển khai cung cấp dịch vụ công trực \
        tuyến, 55,5% thủ tục hành chính có phát sinh hồ sơ được cung cấp dịch vụ công trực tuyến toàn trình, 43% hồ \
        sơ thủ tục hành chính được thực hiện trực tuyến toàn trình.
        Tuy nhiên, việc triển khai dịch vụ công trực tuyến không đồng đều giữa các bộ, ngành, địa phương. Trong số \
        21 bộ, ngành, có 5 bộ, ngành có tỷ lệ dịch vụ công trực tuyến toàn trình đạt 100%, nhưng cũng có bộ có tỷ lệ \
        dịch vụ công trực tuyến toàn trình hay tỷ lệ hồ sơ trực tuyến toàn trình (số lượng hồ sơ trực tuyến toàn \
        trình/tổng số hồ sơ dịch vụ công) 0%. Còn trong 63 tỉnh, thành phố, Đà Nẵng, Tây Ninh, Cà Mau đạt tỷ lệ trên \
        90%; Bình Phước, Lào Cai và Vĩnh Long đạt trên 80%..., nhưng nhiều địa phương chỉ đạt tỷ lệ dưới 5%. Tỷ lệ \
        trung bình triển khai dịch vụ công trực tuyến ở khối địa phương mới chỉ đạt 17,9%...
        tuyển; việc cải cách thủ tục hành chính còn chậm, số hóa kết quả giải quyết thủ tục hành chính chưa cao... \
        Việc triển khai hệ thống thông tin giải quyết thủ tục hành chính cấp tỉnh còn vướng mắc, thiếu chủ động, \
        nhân lực số và hạ tầng số chưa đáp ứng yêu cầu. Về tổng thể, những bất cập, vướng mắc đó khiến chất lượng \
        cung cấp dịch vụ công trực tuyến chưa chuyên biến rõ nét, ảnh hưởng đến hiệu quả phục vụ người dân, doanh \
        nghiệp.
        Chủ trì hội nghị chuyên đề trực tuyến toàn quốc về nâng cao hiệu quả cung cấp và sử dụng dịch vụ công trực \
        tuyến vừa diễn ra ngày 31-8, Thủ tướng Chính phủ, Chủ tịch Ủy ban quốc gia về chuyển đổi số Phạm Minh Chính \
        nhấn mạnh, phải có đột phá, chuyển đổi mạnh mẽ phương thức phục vụ nhân dân từ “bị động” sang “chủ động” dựa \
        trên dữ liệu. Theo người đứng đầu Chính phủ, phải sớm mở rộng dịch vụ công trực tuyến đối với các dịch vụ sự \
        nghiệp công, dịch vụ công và hoàn thiện hệ sinh thái trên môi trường điện tử cho người dân, doanh nghiệp; \
        nâng chất lượng hoạt động của trung tâm phục vụ hành chính công và bộ phận “một cửa” các cấp, trở thành các \
        điểm số hóa, cung cấp các dịch vụ công phi địa giới hành chính, hỗ trợ người dân, doanh nghiệp trong chuyển \
        đổi số, nhất là các đối tượng yếu thế...
        Muốn vậy trước hết, các bộ, ngành, địa phương phải nỗ lực xóa bỏ khoảng cách giữa các đơn vị. Đơn vị nào đã \
        làm tốt thì tiếp tục phát huy, đơn vị chưa tốt phải thúc đẩy nhanh việc xây dựng môi trường số, chuyển đổi \
        số, đưa ứng dụng số vào phục vụ người dân, doanh nghiệp. Đó là ban hành cơ chế, chính sách để đẩy mạnh triển \
        khai dịch vụ công trực tuyến; miễn, giảm phí, lệ phí thực hiện thủ tục dịch vụ công trực tuyến. Nâng cấp, \
        hoàn thiện hệ thống thông tin giải quyết thủ tục hành chính và triển khai các ứng dụng số cung cấp dịch vụ \
        công trực tuyến trên thiết bị di động. Phát triển hạ tầng kỹ thuật cho cung cấp dịch vụ công trực tuyến; xây \
        dựng kho dữ liệu số; đào tạo nhân lực số; giám sát việc xử lý hồ sơ, giải quyết thủ tục hành chính của cơ \
        quan nhà nước...
        Tóm lại, chất lượng dịch vụ công trực tuyến phải tiếp tục nâng cao, bảo đảm thuận lợi, đơn giản, thân thiện \
        để người dân thấy được lợi ích và hiệu quả. Chuyển đổi xử lý hồ sơ công việc lên môi trường điện tử cần thực \
        hiện mạnh mẽ, bởi môi trường số cũng là môi trường công khai, minh bạch, không có cơ chế xin - cho và cũng \
        là môi trường trong sạch để cán bộ không thể tiêu cực. (Hanoimoi.com.vn 05/9, Gia Khánh)
        Những thông tin được công bố tại Hội nghị trực tuyến toàn quốc chuyên đề nâng cao hiệu quả cung cấp và sử \
        dụng dịch vụ công trực tuyến vừa được Chính phủ tổ chức tại TP Đà Nẵng, cho thấy hiệu quả vô cùng lớn của \
        công cuộc chuyển đổi số.
        Lấy ví dụ như tại Đà Nẵng, đến tháng 7/2024, tỷ lệ dịch vụ công trực tuyến toàn trình của TP đạt 95%. Tỷ lệ \
        số hóa, cấp kết quả thủ tục hành chính (TTHC) số đạt 64%. Tính đến nay, có gần 260.000 người dân trưởng \
        thành có tài khoản công dân số, đạt tỷ lệ khoảng 50%. TP giảm TTHC đáng kể nhờ kho dữ liệu cá nhân, kho dữ \
        liệu kết quả
        Địa phương này cũng có nhiều mô hình hay như bưu điện/bưu cục nhận, nộp hồ sơ trực tuyến thay người dân, \
        doanh nghiệp (hiện không thu phí); tổ công nghệ số cộng đồng, “thôn/tổ điện tử”, “đi từng ngõ, gõ từng nhà” \
        tuyên truyền, hướng dẫn người dân sử dụng dịch vụ công trực tuyến.
        Tại Hội nghị, Thủ tướng Chính phủ Phạm Minh Chính đã nêu rõ nguyên tắc “1 mục tiêu, 2 trụ cột, 3 đột phá, 4 \
        không, 5 tăng cường” trong triển khai dịch vụ công trực tuyến. 1 mục tiêu chung là cắt giảm chi phí tuân \
        thủ, thời gian thực hiện, tạo thuận lợi và phục vụ tốt nhất người dân, doanh nghiệp. 2 trụ cột gồm kiên \
        quyết cắt giảm TTHC nội bộ và tạo thuận lợi trong dịch vụ công phục vụ người dân, doanh nghiệp. 3 đột phá là \
        pháp lý hóa; số hóa; tự động hóa. 4 không là: Không giấy tờ; không tiền mặt, không tiếp xúc nếu luật không \
        quy định, không để ai bị bỏ lại phía sau.
        5 tăng cường gồm: Phân cấp, phân quyền đi đôi với phân bổ nguồn lực, nâng cao năng lực thực thi, quy định rõ \
        trách nhiệm; công khai, minh bạch, đơn giản hóa TTHC gắn với tích hợp, kết nối, chia sẻ dữ liệu; đầu tư hạ \
        tầng số; đối thoại, xử lý vướng mắc phát sinh; đẩy mạnh kỷ luật, kỷ cương, đẩy lùi tiêu cực; tăng cường kiến \
        thức, kỹ năng số, phát triển nhân lực số.
        5 năm trước, không nhiều người nghĩ rằng cuộc sống ngày nay sẽ có nhiều điều tiện lợi như vậy, từ việc gọi \
        điện thoại lên quẹt là có thể trả tiền qua ứng dụng, hay nhiều loại giấy tờ tùy thân tích hợp trong ứng dụng \
        điện tử. Chuyển đổi số ở Việt Nam đã phát triển mạnh mẽ cả khu vực công và khu vực tư, từ Trung ương đến địa \
        phương, từ thành thị đến nông thôn, từ trẻ em đến người cao tuổi. Như Thủ tướng nói, “chuyển đổi số đã đến \
        từng ngõ, gõ từng nhà và đến từng người dân”.
        Việc cắt giảm, đơn giản hóa tối đa các quy định kinh doanh, TTHC; cương quyết xóa bỏ cơ chế xin - cho, đã \
        không chỉ tạo sự tiện lợi đơn giản thông thoáng cho người dân và DN; góp phần thay đổi phương thức lãnh đạo, \
        chỉ đạo trong tình hình mới; mà còn “tạo môi trường công khai, minh bạch, trong sạch để cán bộ không mắc \
        phải những sai phạm; tích cực phòng, chống tham nhũng, tiêu cực”.
        Điểm lại một số thành quả như vậy, để chúng ta khẳng định chủ trương của Đảng, Nhà nước, Chính phủ “đi tắt \
        đón đầu” trong lĩnh vực công nghệ thông tin, chuyển đổi số; là rất đúng đắn, đã phát huy hiệu quả, ngày càng \
        lan tỏa và đi sâu vào cuộc sống. (Baophapluat.vn 05/9, Minh Khang)
        """
}

extension String {
    /// The string without trailing commas, colons, semicolons and full stops.
    fileprivate func trimmingTrailingPunctuation() -> String {
        var result = self
        while let last = result.last, ",;:.".contains(last) {
            result.removeLast()
        }
        return result
    }
}
