/// Real text from the sample bulletin of 5 September 2024 (the VNeID article, ~5 KB), for tests.
enum VietnameseFixtures {
    /// The article's paragraphs, NFC.
    static let article: [String] = [
        "Sau hai địa phương gồm Hà Nội và Thừa Thiên Huế thí điểm cấp Phiếu lý lịch tư pháp trên VN"
            + "eID đem lại những kết quả và lợi ích to lớn cho người dân, xã hội, từ 1/10 tới đây, hoạt đ"
            + "ộng này sẽ được nhân rộng ra trên toàn quốc. Những kết quả từ việc thí điểm ở Hà Nội và Th"
            + "ừa Thiên Huế sẽ là nền tảng vững chắc giúp công tác này đạt được sự đồng bộ, hiệu quả cao.",
        "Thống kê của Cục Cảnh sát Quản lý hành chính về Trật tự xã hội, Bộ Công an, đến thời điểm "
            + "này, việc cấp Phiếu lý lịch tư pháp trên VNeID tại TP Hà Nội đã tiếp nhận gần 63.000 hồ sơ"
            + ", trong đó yêu cầu cấp trên ứng dụng VNeID là 43.183 hồ sơ, chiếm 69,3%, tăng trên 13.000 "
            + "hồ sơ so với tháng 7/2024. Tại tỉnh Thừa Thiên Huế, đã tiếp nhận 6.3322 hồ sơ, trong đó yê"
            + "u cầu cấp trên ứng dụng VNeID là gần 5000 hồ sơ, chiếm 76,1%, tăng 1.185 hồ sơ so với thán"
            + "g 7/2024.",
        "Đánh giá của đồng chí Phạm Thị Thanh Hương, Phó Giám đốc Sở Tư pháp, UBND TP Hà Nội cho th"
            + "ấy, việc triển khai cấp Phiếu lý lịch tư pháp trên VNeID đã mang lại rất nhiều tiện ích to"
            + " lớn cho người dân, xã hội. Thay vì phải đến trực tiếp bộ phận một cửa, giải quyết thủ tục"
            + " hành chính để làm các thủ tục cấp Phiếu lý lịch tư pháp gây mất thời gian, chi phí đi lại"
            + " như trước, nay người dân chỉ cần sử dụng điện thoại thông minh có kết nối Internet là hoà"
            + "n toàn có thể dễ dàng thực hiện thủ tục trên ở bất cứ đâu.",
        "Kể từ khi thí điểm cấp Phiếu lý lịch tư pháp trên VNeID, cảnh tượng người dân phải xếp hàn"
            + "g từ sáng sớm, ùn tắc tại những điểm cấp Phiếu lý lịch tư pháp như ngày xưa đã không còn. "
            + "Công nghệ và dữ liệu được kết nối thông suốt đã tạo nên một cuộc cách mạng trong cải cách "
            + "thủ tục hành chính, thay đổi hoàn toàn phương thức làm việc của cả cán bộ công chức cũng n"
            + "hư thói quen của người dân trong giải quyết thủ tục hành chính, đem lại hiệu quả rất lớn t"
            + "rong giải quyết thủ tục hành chính, góp phần phát triển kinh tế - xã hội.",
        "Theo Tổ Công tác triển khai Đề án 06 của Chính phủ, hiện nay, TP Hà Nội tiếp tục là địa ph"
            + "ương đầu tiên trên cả nước tham mưu, báo cáo trình HĐND TP Hà Nội xem xét việc hỗ trợ phí "
            + "cung cấp thông tin lý lịch tư pháp cho người dân khi thực hiện qua VNeID. Ngân sách thành "
            + "phố hỗ trợ khoảng 9,7 tỷ đồng cho đến hết 31/12/2024 nhưng bù lại, số lượng ước tính chi p"
            + "hí cắt giảm của các cơ quan Nhà nước khi phục vụ tại trụ sở như điện, nước, không gian, ng"
            + "ười phục vụ, cơ sở vật chất, giấy in, thời gian lao động... là khoảng 40 tỷ đồng/năm.",
        "Không chỉ giảm thời gian, công sức, chi phí của người dân khi làm thủ tục cấp Phiếu lý lịc"
            + "h tư pháp, việc cấp phiếu trên VNeID còn tạo đà triển khai Luật Giao dịch điện tử có hiệu "
            + "lực từ 1/7 vừa qua đối với việc sử dụng Phiếu lý lịch tư pháp điện tử cấp trên tài khoản V"
            + "NeID tương đương với giấy tờ giấy khi thực hiện các thủ tục hành chính, tạo điều kiện thuậ"
            + "n lợi cho cả các cơ quan Nhà nước cũng như người dân, doanh nghiệp.",
        "Kể từ thời điểm Hà Nội và Thừa Thiên Huế triển khai thí điểm cấp Phiếu lý lịch tư pháp trê"
            + "n VNeID vào cuối tháng 4 vừa qua, Tổ Công tác triển khai Đề án 06 của Chính phủ cũng như c"
            + "ác bộ, ngành, địa phương đã quyết liệt hoàn tất những nhiệm vụ, nội dung có liên quan để n"
            + "hanh chóng nhân rộng việc cấp Phiếu lý lịch tư pháp trên VNeID ra cả nước. Tại Hội nghị đá"
            + "nh giá tình hình 6 tháng đầu năm 2024 triển khai Đề án 06, một trong những nhiệm vụ của 6 "
            + "tháng cuối năm được Chính phủ và Thủ tướng Chính phủ giao Bộ Công an đó là, phối hợp với c"
            + "ác bộ, ngành, địa phương có lộ trình để đưa các",
        "tiện ích thiết yếu, đặc biệt là cấp Phiếu lý lịch tư pháp, sổ sức khỏe điện tử, giấy khai "
            + "sinh, kết hôn... lên VNeID.",
        "Đối với Bộ Tư pháp, phải kết nối, chia sẻ dữ liệu giữa Cơ sở Dữ liệu quốc gia về dân cư vớ"
            + "i các cơ sở dữ liệu của ngành tư pháp như Cơ sở dữ liệu hộ tịch điện tử, cơ sở dữ liệu quố"
            + "c tịch, Cơ sở dữ liệu lý lịch tư pháp. Cùng với đó, nghiên cứu, có giải pháp chia sẻ các d"
            + "ữ liệu hộ tịch, đặc biệt là dữ liệu khai sinh, khai tử, đăng ký kết hôn, cải cách hộ tịch "
            + "cho các bộ, ngành, địa phương để nâng cao hiệu quả thực hiện các nhiệm vụ được giao, phục "
            + "vụ Bộ Công an triển khai Luật Căn cước có hiệu lực từ 1/7 vừa qua",
    ]
}
