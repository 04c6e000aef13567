import BulletinCore
import Foundation

/// The seeds randomized tests run: 0..<300, 0..<`BULLETIN_RANDOM_SEEDS`, or only `BULLETIN_RANDOM_SEED` (to replay
/// a failure; every failing expectation prints its seed).
let randomSeeds: [UInt64] = {
    let environment = ProcessInfo.processInfo.environment
    if let seed = environment["BULLETIN_RANDOM_SEED"].flatMap(UInt64.init) { return [seed] }
    return Array(0..<(environment["BULLETIN_RANDOM_SEEDS"].flatMap(UInt64.init) ?? 300))
}()

/// Random Vietnamese words, paragraphs and articles for property tests.
enum RandomVietnamese {
    /// Words with every Vietnamese tone mark and the letters ă â đ ê ô ơ ư, plus figures and joined words.
    static let words: [String] = [
        "cải", "cách", "hành", "chính", "thủ", "tục", "người", "dân", "doanh", "nghiệp", "Bộ", "Tư", "pháp",
        "Phiếu", "lý", "lịch", "trên", "ứng", "dụng", "VNeID", "Hà", "Nội", "Thừa", "Thiên", "Huế", "đã", "tiếp",
        "nhận", "hồ", "sơ", "chiếm", "tăng", "so", "với", "tháng", "năm", "điện", "tử", "dịch", "vụ", "công",
        "trực", "tuyến", "quốc", "gia", "địa", "phương", "Chính", "phủ", "Thủ", "tướng", "nhiệm", "được", "giao",
        "kết", "quả", "ổn", "định", "ẩn", "số", "vững", "chắc", "đồng", "bộ", "hiệu", "quả", "cao", "ước",
        "43.183", "69,3%", "1/10", "7/2024", "Cand.com.vn", "kinh", "tế", "xã", "hội", "ủy", "ban", "nhân",
    ]

    /// Punctuation that may follow a word.
    static let punctuation: [String] = [",", ".", ";", ":", "…", "”", ")"]

    /// A word, sometimes with punctuation after it.
    static func word(using generator: inout SeededRandom) -> String {
        let word = words.randomElement(using: &generator) ?? "từ"
        if Int.random(in: 0..<8, using: &generator) == 0 {
            return word + (punctuation.randomElement(using: &generator) ?? ",")
        }
        return word
    }

    /// A paragraph of `count` words separated by single spaces.
    static func paragraphWords(count: Int, using generator: inout SeededRandom) -> [String] {
        (0..<count).map { _ in word(using: &generator) }
    }

    /// An article of 1–6 paragraphs of 5–40 words each, as words per paragraph.
    static func article(using generator: inout SeededRandom) -> [[String]] {
        (0..<Int.random(in: 1...6, using: &generator)).map { _ in
            paragraphWords(count: Int.random(in: 5...40, using: &generator), using: &generator)
        }
    }

    /// Paragraph strings of an article given as words.
    static func text(_ article: [[String]]) -> [String] {
        article.map { $0.joined(separator: " ") }
    }

    /// The same text, each paragraph randomly in NFC or NFD.
    static func mixedForms(_ paragraphs: [String], using generator: inout SeededRandom) -> [String] {
        paragraphs.map { Bool.random(using: &generator) ? $0.decomposedStringWithCanonicalMapping : $0 }
    }

    /// Applies 1–5 random edits: replace, insert or delete words, split or join paragraphs, insert or delete
    /// paragraphs, or spell a paragraph in NFD.
    static func mutate(_ article: [[String]], using generator: inout SeededRandom) -> [[String]] {
        var result = article
        for _ in 0..<Int.random(in: 1...5, using: &generator) {
            let paragraph = Int.random(in: 0..<max(1, result.count), using: &generator)
            switch Int.random(in: 0..<8, using: &generator) {
            case 0 where !result.isEmpty && !result[paragraph].isEmpty:
                let index = Int.random(in: 0..<result[paragraph].count, using: &generator)
                result[paragraph][index] = word(using: &generator)
            case 1 where !result.isEmpty:
                let index = Int.random(in: 0...result[paragraph].count, using: &generator)
                result[paragraph].insert(
                    contentsOf: paragraphWords(
                        count: Int.random(in: 1...4, using: &generator), using: &generator), at: index)
            case 2 where !result.isEmpty && result[paragraph].count > 1:
                let start = Int.random(in: 0..<result[paragraph].count, using: &generator)
                let end = min(result[paragraph].count, start + Int.random(in: 1...3, using: &generator))
                result[paragraph].removeSubrange(start..<end)
            case 3 where !result.isEmpty && result[paragraph].count > 1:
                let cut = Int.random(in: 1..<result[paragraph].count, using: &generator)
                let tail = Array(result[paragraph][cut...])
                result[paragraph].removeSubrange(cut...)
                result.insert(tail, at: paragraph + 1)
            case 4 where result.count > 1 && paragraph + 1 < result.count:
                result[paragraph] += result[paragraph + 1]
                result.remove(at: paragraph + 1)
            case 5:
                let at = Int.random(in: 0...result.count, using: &generator)
                result.insert(
                    paragraphWords(count: Int.random(in: 3...20, using: &generator), using: &generator),
                    at: at)
            case 6 where result.count > 1:
                result.remove(at: paragraph)
            case 7 where !result.isEmpty:
                result[paragraph] = result[paragraph].map { $0.decomposedStringWithCanonicalMapping }
            default:
                break
            }
        }
        return result
    }
}

extension String {
    /// Whether the text is in NFC.
    var isNFC: Bool {
        unicodeScalars.elementsEqual(precomposedStringWithCanonicalMapping.unicodeScalars)
    }
}

extension Unicode.Scalar {
    /// Whether the scalar is a combining mark (general category M*).
    var isCombiningMark: Bool {
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: true
        default: false
        }
    }
}
