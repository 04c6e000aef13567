/// The material generated archives are made of: sentences, titles and names from the real 2024-09-05 issue.
enum GeneratorCorpus {
    static let sections = ["CHỦ TRƯỞNG CẢI CÁCH", "CẢI CÁCH ĐỊA PHƯƠNG", "QUẢN LÝ HÀNH CHÍNH", "PHÂN TÍCH – BÌNH LUẬN"]

    static let places = [
        "Hà Nội", "Bắc Giang", "Lâm Đồng", "Long An", "Cần Thơ", "Đồng Nai", "Đà Nẵng", "Thừa Thiên Huế",
        "Quảng Ninh", "Nghệ An", "Đắk Lắk", "Bình Dương", "Hải Phòng", "Thanh Hóa", "Đồng Tháp",
    ]

    static let topics = [
        "Tăng cường cải cách hành chính, kiểm soát thủ tục hành chính",
        "“Phủ sóng” cấp phiếu lý lịch tư pháp trên VNeID",
        "Tiếp nhận phản ánh, kiến nghị của người dân",
        "Góp ý về chính quyền thân thiện",
        "Đẩy mạnh ứng dụng, phát triển công nghệ thông tin, chuyển đổi số",
        "Thực hiện cải cách hành chính để tạo đột phá trong phát triển kinh tế",
        "Gắn kết chuyển đổi số với cải cách hành chính",
        "Luân chuyển cán bộ là cần thiết",
        "Tạo môi trường công khai, minh bạch",
        "“Trái ngọt” từ chủ trương chuyển đổi số",
    ]

    static let outlets = [
        "Baophapluat.vn", "Cand.com.vn", "Kinhtedothi.vn", "Baobacgiang.vn", "Baolamdong.vn", "Baolongan.vn",
        "Baocantho.com.vn", "Dantri.com.vn", "Nhandan.vn",
    ]

    static let authors = ["Lê Hồng", "Hoàng Phong", "Hoài Thu", "Minh Quân", "Thanh Hồng", "Đức Anh", "Ngọc Đồng"]

    static let editors = ["Thanh Hồng", "Minh Quân", "Hoài Thu"]

    /// One sentence per line (long ones are wrapped with line continuations).
    static let sentences: [String] = corpus.split(separator: "\n").map(String.init)

    private static let corpus = """
        Tại buổi làm việc, Phó Chánh Văn phòng Bộ Lê Tuấn Phong đã báo cáo tóm tắt về kết quả thực hiện \
        nhiệm vụ công tác 8 tháng đầu năm 2024.
        Theo đó, với sự lãnh đạo, chỉ đạo sát sao của Lãnh đạo Bộ, sự đoàn kết, nỗ lực, cố gắng của toàn thể \
        công chức, người lao động, các nhiệm vụ chính trị của Văn phòng Bộ đã được thực hiện chủ động, bám \
        sát chỉ đạo của Lãnh đạo Bộ và kế hoạch công tác đề ra.
        Công tác tham mưu, giúp Bộ trưởng lãnh đạo, chỉ đạo, điều hành và quản lý các hoạt động của Bộ, \
        ngành Tư pháp được thực hiện quyết liệt, trách nhiệm, kịp thời giúp công tác tư pháp được triển khai \
        đồng bộ, xuyên suốt từ Trung ương đến địa phương.
        tác cải cách hành chính, kiểm soát thủ tục hành chính, thực hiện cơ chế một cửa, một cửa liên thông \
        và ứng dụng hệ thống quản lý chất lượng ISO trong hoạt động cơ quan Bộ Tư pháp, tham mưu triển khai \
        thực hiện Đề án 06, quản lý báo chí, truyền thông, lễ tân, đối ngoại, văn thư, lưu trữ của Bộ Tư \
        pháp được tham mưu thực hiện bài bản, hiệu quả.
        Công tác quản lý cơ sở vật chất, tài sản, kinh phí hoạt động, bảo đảm phương tiện, điều kiện làm \
        việc, bảo đảm an ninh trật tự phục vụ chung cho hoạt động của Bộ được thực hiện nề nếp, góp phần \
        phục vụ tốt việc thực hiện nhiệm vụ của Lãnh đạo Bộ, nhiệm vụ chuyên môn của các đơn vị thuộc Bộ.
        Bên cạnh kết quả đạt được, Lãnh đạo Văn phòng Bộ cũng chỉ ra một số tồn tại trong thực hiện nhiệm vụ \
        8 tháng đầu năm và phân tích nguyên nhân.
        Trong những tháng cuối năm 2024, Văn phòng Bộ xác định các nhiệm vụ, giải pháp chủ yếu bao gồm: Chủ \
        động, kịp thời tham mưu Lãnh đạo Bộ trong công tác chỉ đạo, điều hành triển khai công tác tư pháp \
        của Bộ, ngành; nghiên cứu, tham mưu thực hiện thực hiện nhiệm vụ về phát triển kinh tế-xã hội của \
        Bộ, ngành Tư pháp.
        Theo dõi, đôn đốc, triển khai các nhiệm vụ tại kế hoạch công tác truyền thông về hoạt động của Bộ, \
        ngành Tư pháp năm 2024, chú trọng phối hợp đẩy mạnh truyền thông chính sách.
        Tham mưu triển khai thực hiện các nhiệm vụ tại Kế hoạch hoạt động hướng tới tổ chức kỷ niệm 80 năm \
        Ngày Truyền thống ngành Tư pháp Việt Nam và Đại hội thi đua yêu nước ngành Tư pháp lần thứ VI...
        Cùng với đó, tăng cường ứng dụng công nghệ thông tin trong công tác văn thư, lưu trữ.
        Theo dõi, đôn đốc, giám sát và tổng hợp tình hình thực hiện dự toán ngân sách, đẩy nhanh tiến độ \
        thực hiện thủ tục thanh quyết toán kinh phí giao tự chủ, kinh phí thực hiện các nhiệm vụ thường \
        xuyên, đột xuất của các đơn vị khối Văn phòng.
        Hoàn thành xây dựng, trình Lãnh đạo Bộ phương án sắp xếp, bố trí diện tích làm việc của các đơn vị \
        tại trụ sở cơ quan Bộ Tư pháp...
        Sau hai địa phương gồm Hà Nội và Thừa Thiên Huế thí điểm cấp Phiếu lý lịch tư pháp trên VNeID đem \
        lại những kết quả và lợi ích to lớn cho người dân, xã hội, từ 1/10 tới đây, hoạt động này sẽ được \
        nhân rộng ra trên toàn quốc.
        Những kết quả từ việc thí điểm ở Hà Nội và Thừa Thiên Huế sẽ là nền tảng vững chắc giúp công tác này \
        đạt được sự đồng bộ, hiệu quả cao.
        Thống kê của Cục Cảnh sát Quản lý hành chính về Trật tự xã hội, Bộ Công an, đến thời điểm này, việc \
        cấp Phiếu lý lịch tư pháp trên VNeID tại TP Hà Nội đã tiếp nhận gần 63.000 hồ sơ, trong đó yêu cầu \
        cấp trên ứng dụng VNeID là 43.183 hồ sơ, chiếm 69,3%, tăng trên 13.000 hồ sơ so với tháng 7/2024.
        Tại tỉnh Thừa Thiên Huế, đã tiếp nhận 6.3322 hồ sơ, trong đó yêu cầu cấp trên ứng dụng VNeID là gần \
        5000 hồ sơ, chiếm 76,1%, tăng 1.185 hồ sơ so với tháng 7/2024.
        Đánh giá của đồng chí Phạm Thị Thanh Hương, Phó Giám đốc Sở Tư pháp, UBND TP Hà Nội cho thấy, việc \
        triển khai cấp Phiếu lý lịch tư pháp trên VNeID đã mang lại rất nhiều tiện ích to lớn cho người dân, \
        xã hội.
        Thay vì phải đến trực tiếp bộ phận một cửa, giải quyết thủ tục hành chính để làm các thủ tục cấp \
        Phiếu lý lịch tư pháp gây mất thời gian, chi phí đi lại như trước, nay người dân chỉ cần sử dụng \
        điện thoại thông minh có kết nối Internet là hoàn toàn có thể dễ dàng thực hiện thủ tục trên ở bất \
        cứ đâu.
        Kể từ khi thí điểm cấp Phiếu lý lịch tư pháp trên VNeID, cảnh tượng người dân phải xếp hàng từ sáng \
        sớm, ùn tắc tại những điểm cấp Phiếu lý lịch tư pháp như ngày xưa đã không còn.
        Công nghệ và dữ liệu được kết nối thông suốt đã tạo nên một cuộc cách mạng trong cải cách thủ tục \
        hành chính, thay đổi hoàn toàn phương thức làm việc của cả cán bộ công chức cũng như thói quen của \
        người dân trong giải quyết thủ tục hành chính, đem lại hiệu quả rất lớn trong giải quyết thủ tục \
        hành chính, góp phần phát triển kinh tế - xã hội.
        Theo Tổ Công tác triển khai Đề án 06 của Chính phủ, hiện nay, TP Hà Nội tiếp tục là địa phương đầu \
        tiên trên cả nước tham mưu, báo cáo trình HĐND TP Hà Nội xem xét việc hỗ trợ phí cung cấp thông tin \
        lý lịch tư pháp cho người dân khi thực hiện qua VNeID.
        Ngân sách thành phố hỗ trợ khoảng 9,7 tỷ đồng cho đến hết 31/12/2024 nhưng bù lại, số lượng ước tính \
        chi phí cắt giảm của các cơ quan Nhà nước khi phục vụ tại trụ sở như điện, nước, không gian, người \
        phục vụ, cơ sở vật chất, giấy in, thời gian lao động... là khoảng 40 tỷ đồng/năm.
        Kể từ thời điểm Hà Nội và Thừa Thiên Huế triển khai thí điểm cấp Phiếu lý lịch tư pháp trên VNeID \
        vào cuối tháng 4 vừa qua, Tổ Công tác triển khai Đề án 06 của Chính phủ cũng như các bộ, ngành, địa \
        phương đã quyết liệt hoàn tất những nhiệm vụ, nội dung có liên quan để nhanh chóng nhân rộng việc \
        cấp Phiếu lý lịch tư pháp trên VNeID ra cả nước.
        Tại Hội nghị đánh giá tình hình 6 tháng đầu năm 2024 triển khai Đề án 06, một trong những nhiệm vụ \
        của 6 tháng cuối năm được Chính phủ và Thủ tướng Chính phủ giao Bộ Công an đó là, phối hợp với các \
        bộ, ngành, địa phương có lộ trình để đưa các
        Đối với Bộ Tư pháp, phải kết nối, chia sẻ dữ liệu giữa Cơ sở Dữ liệu quốc gia về dân cư với các cơ \
        sở dữ liệu của ngành tư pháp như Cơ sở dữ liệu hộ tịch điện tử, cơ sở dữ liệu quốc tịch, Cơ sở dữ \
        liệu lý lịch tư pháp.
        Cùng với đó, nghiên cứu, có giải pháp chia sẻ các dữ liệu hộ tịch, đặc biệt là dữ liệu khai sinh, \
        khai tử, đăng ký kết hôn, cải cách hộ tịch cho các bộ, ngành, địa phương để nâng cao hiệu quả thực \
        hiện các nhiệm vụ được giao, phục vụ Bộ Công an triển khai Luật Căn cước có hiệu lực từ 1/7 vừa qua.
        Trên cơ sở thí điểm, những vướng mắc, “điểm nghẽn” trong cấp Phiếu lý lịch tư pháp đã được UBND TP \
        Hà Nội và tỉnh Thừa Thiên Huế làm rõ và kiến nghị, đề xuất với các bộ, ngành có liên quan để nhanh \
        chóng tháo gỡ, tạo điều kiện thuận lợi nhất trước khi nhân rộng, triển khai ra toàn quốc.
        Hà Nội Hà Minh Hải cho hay, sau 2 tháng triển khai (28/6 - 28/8), ứng dụng iHanoi đã tiếp nhận 5.700 \
        phản ánh, kiến nghị, trong đó đã xử lý 3.940 đạt trên 70%, đang xử lý 29% và chỉ có 69 kiến nghị xử \
        lý quá hạn, chiếm 0,02%.
        Theo đó, đến cuối tháng 8, đã có gần 800.000 người dân, doanh nghiệp và 100% công chức, viên chức \
        thuộc Thành phố tạo tài khoản trên iHanoi.
        Tổng số lượt truy cập iHanoi đạt trên 6 triệu lượt; đã tích hợp 2,5 triệu sổ sức khỏe điện tử từ hệ \
        thống hồ sơ sức khỏe điện tử Thành phố lên iHanoi phục vụ người dân tra cứu...
        Hà Nội Hà Minh Hải cho hay, thời gian tới, Hà Nội tiếp tục đẩy mạnh tuyên truyền về lợi ích của \
        iHanoi để người dân hiểu và đồng thuận sử dụng.
        Thành phố sẽ tích hợp iHanoi với hệ thống giải quyết thủ tục hành chính và các nền tảng thanh toán \
        trực tuyến.
        Đồng thời, kết nối iHanoi với nền tảng Quản trị và Công thông tin điện tử Thành phố; tích hợp các \
        tính năng như tìm tuyến xe buýt, đặt chỗ đỗ xe, tra cứu điểm thi và tự động thông báo kết quả khám \
        chữa bệnh.
        Phát triển tính năng trợ lý ảo và Chatbot để hỗ trợ cán bộ, công chức và người dân.
        Về dự kiến định hướng kết nối, chia sẻ dữ liệu trong thời gian tới, Hà Nội sẽ phối hợp với Cục Cảnh \
        sát giao thông, Bộ Công an để cung cấp dữ liệu phạt nguội.
        Phối hợp với Cục Đăng kiểm, Bộ Giao thông vận tải để cung cấp dữ liệu đăng kiểm.
        Phối hợp với Cục Đường bộ Việt Nam, Bộ Giao thông vận tải để cung cấp dữ liệu giám sát hành trình.
        Sau 3 ngày khảo sát, từ ngày 28 đến 31/8, toàn tỉnh có 129.258 lượt người dân tham gia trả lời.
        Các huyện có số lượt người dân tham gia cao là: Tân Yên hơn 25.500 phiếu, TP Bắc Giang hơn 24.800 \
        phiếu, thị xã Việt Yên hơn 21.950 phiếu...
        Nhìn chung, đa số các ý kiến đánh giá cao sự hài lòng khi đến giải quyết thủ tục hành chính tại bộ \
        phận một cửa UBND cấp xã.
        Người dân ngày càng được tiếp cận nhiều hơn những thông tin về thực hiện quy chế dân chủ ở cơ sở \
        nhất là những nội dung cần niêm yết, thông báo công khai liên quan trực tiếp đến quyền lợi của người \
        dân.
        Được biết, nhằm bảo đảm kết quả khảo sát mang tính khách quan, thuận tiện cho người được lấy ý kiến, \
        Ban Dân vận Tỉnh ủy đã phối hợp với đơn vị chức năng tạo QR Code cho từng địa phương, đơn vị.
        Bên cạnh đó, thành viên các tổ dân vận cộng đồng có trách nhiệm hướng dẫn người dân truy cập QR Code \
        và trả lời các câu hỏi trong phiếu khảo sát.
        Ban Chỉ đạo xây dựng chính quyền thân thiện các huyện ủy, thị ủy, thành ủy đã tích cực chỉ đạo kiểm \
        tra, giám sát, đôn đốc việc thực hiện; yêu cầu tổ công tác cấp xã hằng ngày đăng tin về hình ảnh \
        công tác tuyên truyền, hoạt động hỗ trợ người dân của đơn vị mình trên nhóm zalo chung.
        Từ kết quả khảo sát, Ban Dân vận Tỉnh ủy sẽ tham mưu, đề xuất với Thường trực Tỉnh ủy, Ban Thường vụ \
        Tỉnh ủy có những giải pháp lãnh đạo, chỉ đạo nâng cao chất lượng chính quyền thân thiện xã, phường, \
        thị trấn trên địa bàn tỉnh, làm căn cứ để đánh giá, công nhận đơn vị đạt chuẩn chính quyền thân \
        thiện năm 2024.
        Những năm qua, tỉnh Lâm Đồng luôn chú trọng đến công tác đẩy mạnh ứng dụng công nghệ thông tin, \
        chuyển đổi số.
        Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XI, nhiệm kỳ 2020 - 2025 đã xác định việc đẩy mạnh ứng dụng \
        công nghệ thông tin (CNTT) là một trong các khâu đột phá; chỉ đạo triển khai Đề án “Xây dựng TP Đà \
        Lạt trở thành thành phố thông minh”.
        Nhằm đẩy mạnh công tác tuyên truyền, nâng cao nhận thức, tỉnh đã chỉ đạo, quán triệt, tuyên truyền \
        về vị trí, vai trò của CNTT, chuyển đổi số; đổi mới, đa dạng hóa các nội dung, hình thức tuyên \
        truyền, nâng cao nhận thức cho các cấp, các ngành và Nhân dân trong tỉnh về vai trò quan trọng của \
        CNTT, chuyển đổi số trong việc phát triển kinh tế - xã hội.
        Bên cạnh đó, các cấp ủy, chính quyền luôn quan tâm đầu tư cho ứng dụng và phát triển CNTT, chuyển \
        đổi số; giai đoạn năm 2014 - 2024, tỉnh đã bố trí kinh phí với tổng số tiền trên 900 tỷ đồng cho ứng \
        dụng phát triển CNTT, chuyển đổi số.
        Qua đó, đã xây dựng hệ thống hạ tầng thông tin quốc gia đồng bộ, hiện đại, liên thông; kết nối băng \
        rộng, chất lượng cao đến tất cả các xã, phường, thị trấn, cơ sở giáo dục; kết nối liên thông giữa \
        các cấp, các ngành từ Trung ương đến địa phương; kết nối với các nước trong khu vực và trên thế \
        giới.
        Toàn tỉnh hiện có 17 doanh nghiệp bưu chính đang hoạt động với 361 điểm phục vụ, bán kính phục vụ \
        bình quân trên một điểm phục vụ 2,96 km; 100% xã trên địa bàn tỉnh có điểm bưu chính có người phục \
        vụ.
        Hạ tầng bưu chính được quan tâm đầu tư phát triển nhanh chóng, đảm bảo thông tin liên lạc, vận \
        chuyển thư, báo, công văn, tài liệu đến các xã trong ngày.
        Triển khai việc tiếp nhận hồ sơ và trả kết quả giải quyết thủ tục hành chính qua dịch vụ bưu chính \
        công ích (BCCI)...
        Nền tảng trung tâm giám sát điều hành thông minh (IOC) phục vụ chỉ đạo điều hành tập trung trên địa \
        bàn tỉnh đáp ứng yêu cầu chỉ đạo điều hành của lãnh đạo UBND tỉnh với 14 trung tâm giám sát, điều \
        hành thông minh IOC4.
        Duy trì hoạt động có hiệu quả Nền tảng trung tâm giám sát điều hành an toàn thông tin mạng tỉnh Lâm \
        Đồng (SOC), kết nối với Trung tâm Giám sát an toàn, an ninh mạng quốc gia mang lại hiệu quả cao hơn \
        cho hoạt động đảm bảo an toàn thông tin trong triển khai chính quyền điện tử.
        Duy trì, vận hành ổn định, kết nối 173 điểm cầu trên địa bàn toàn tỉnh, phục vụ các cuộc họp trực \
        tuyến từ Trung ương đến cơ sở.
        Đã triển khai Kho dữ liệu điện tử của cá nhân, tổ chức/Kho hồ sơ thủ tục hành chính, kết nối với hệ \
        thống giám sát, đo lường mức độ cung cấp và sử dụng dịch vụ (Hệ thống EMC)...
        Việc triển khai và sử dụng mạng truyền số liệu chuyên dùng của các cơ quan Đảng và Nhà nước mang lại \
        hiệu quả.
        Triển khai đường truyền Mạng truyền số liệu chuyên dùng đến 175 cơ quan Đảng, Nhà nước trên địa bàn \
        tỉnh
        Long An đang tập trung thực hiện có hiệu quả nhiều giải pháp để cải thiện và giữ vững 3 chỉ số (PCI, \
        PGI, PAR Index) ở nhóm đầu cả nước.
        Đây là một trong những nhiệm vụ quan trọng của cả hệ thống chính trị, góp phần nâng cao vị thế và \
        cải thiện môi trường đầu tư để Long An có bước phát triển đột phá, phấn đấu “về đích sớm” thực hiện \
        Nghị quyết Đại hội Đảng bộ các cấp.
        Theo kết quả công bố của Phòng Thương mại và Công nghiệp Việt Nam, Chỉ số năng lực cạnh tranh cấp \
        tỉnh (PCI) của Long An năm 2023 tăng cao về điểm số và thứ bậc, xếp thứ 2 cả nước.
        Chỉ số Xanh cấp tỉnh (PGI) cũng có sự đột phá khi tăng 16 bậc so với năm 2022, xếp thứ 12 cả nước.
        Bên cạnh đó, Chỉ số Cải cách hành chính PAR Index xếp thứ 8/63 tỉnh, thành phố.
        Kết quả này đã tiếp tục khẳng định niềm tin, sự đánh giá hài lòng ngày càng cao và là phần thưởng \
        trân quý từ cộng đồng doanh nghiệp và nhân dân.
        Long An đang đứng trước nhiều cơ hội, thuận lợi trong quá trình phát triển, song cũng đối mặt với \
        không ít khó khăn, thách thức.
        Do đó, để phấn đấu thực hiện thắng lợi Nghị quyết Đại hội Đảng bộ các cấp trong năm 2024 cần tiếp \
        tục đổi mới tư duy, cách nghĩ, cách làm, nâng cao tinh thần trách nhiệm, ý thức phục vụ Nhân dân; \
        tăng cường kỷ luật, kỷ cương của đội ngũ cán bộ, công chức, viên chức trong thi hành nhiệm vụ.
        Bí thư Tỉnh ủy Long An Nguyễn Văn Đước đề nghị, cả hệ thống chính trị, nhân dân và cộng đồng doanh \
        nghiệp tiếp tục “đồng lòng, kề vai sát cánh” để xây dựng Long An trở thành trung tâm kinh tế năng \
        động, hiệu quả và phát triển bền vững.
        Cán bộ, công chức, viên chức phải nêu cao tinh thần tự soi, tự sửa, tự kiểm tra, kiểm soát lại công \
        việc và cần bám sát cơ sở theo phương châm “Gần dân, trọng dân, hiểu dân và có trách nhiệm với dân” \
        để kịp thời nắm bắt tâm tư, nguyện vọng chính đáng của người dân.
        Có thể nói, công tác cải thiện môi trường đầu tư kinh doanh và cải cách hành chính thời gian qua đã \
        được lãnh đạo Tỉnh quán triệt và tập trung chỉ đạo các ngành, các cấp tổ chức thực hiện quyết liệt, \
        nghiêm túc, thường xuyên.
        Từ đó, đã tạo được sự thay đổi tích cực về nhận thức và hành động của cán bộ, đảng viên, công chức, \
        viên chức trong thực thi công vụ góp phần củng cố niềm tin của nhân dân đối với Đảng bộ và chính \
        quyền các cấp trong tỉnh.
        Luôn đồng hành cùng doanh nghiệp là chủ trương nhất quán mà chính quyền tỉnh Long An đã thực hiện \
        bằng những hành động thiết thực để hỗ trợ doanh nghiệp trong suốt quá trình tìm hiểu, triển khai dự \
        án và hoạt động sản xuất kinh doanh tại địa phương.
        Lãnh đạo tỉnh thường xuyên thăm hỏi, họp mặt, đối thoại với các doanh nghiệp để lắng nghe, chia sẻ \
        và kịp thời tháo gỡ khó khăn, vướng mắc.
        Sau mỗi lần đối thoại, Ủy ban nhân dân tỉnh Long An đều có các thông báo kết luận, chỉ đạo theo dõi, \
        đôn đốc tình hình giải quyết của các cơ quan có liên quan để có những chỉ đạo kịp thời nhằm khơi \
        thông những điểm nghẽn trong quá trình sản xuất kinh doanh cho doanh nghiệp.
        Ngoài ra, Tổ công tác đặc biệt của tỉnh tích cực hỗ trợ, giải quyết nhanh thủ tục cho các doanh \
        nghiệp trong việc triển khai dự án, mở rộng sản xuất kinh doanh, tăng vốn đầu tư... hỗ trợ hiệu quả \
        cho doanh nghiệp phát triển sản xuất, kinh doanh, đã được cộng đồng doanh nghiệp đánh giá cao.
        Thời gian tới, Long An sẽ tiếp tục quyết liệt đẩy mạnh hơn nữa công tác cải cách hành chính, đặc \
        biệt trong lĩnh vực đầu tư, đăng ký kinh doanh, đất đai, xây dựng, môi trường; đẩy mạnh chuyển đổi \
        số toàn diện để góp phần nâng cao chất lượng, tính công khai, minh bạch trong cung cấp các dịch vụ \
        công trực tuyến phục vụ người dân, doanh nghiệp với chất lượng ngày càng tốt hơn.
        Để tạo nền tảng hình thành chính quyền điện tử, chính quyền số, trong thời gian qua, TP.
        Cần Thơ đã chú trọng triển khai đầu tư, xây dựng và đưa vào vận hành các nền tảng chuyển đổi số phục \
        vụ công tác cải cách hành chính (CCHC).
        Qua đó, hiệu quả chỉ đạo, điều hành của cơ quan nhà nước các cấp cùng chất lượng phục vụ người dân, \
        doanh nghiệp từng bước được nâng cao.
        Đến nay, mạng truyền số liệu chuyên dùng của thành phố đã hoàn thiện và triển khai đến 100% xã, \
        phường, thị trấn, các cơ quan Đảng, các tổ chức chính trị - xã hội thành phố với băng thông 100 Mbps \
        bảo đảm an toàn, bảo mật.
        """
}
