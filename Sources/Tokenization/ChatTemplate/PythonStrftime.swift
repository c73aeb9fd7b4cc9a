import Foundation

/// `datetime.strftime` in the C locale (what `strftime_now` uses on Linux), for the common directives,
/// including glibc's `%-d`-style unpadded forms.
enum PythonStrftime {
    private static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August",
                                     "September", "October", "November", "December"]
    private static let dayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]

    static func format(_ format: String, date: Date, timeZone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday, .nanosecond], from: date)
        let year = parts.year ?? 1970, month = parts.month ?? 1, day = parts.day ?? 1
        let hour = parts.hour ?? 0, minute = parts.minute ?? 0, second = parts.second ?? 0
        let weekday = (parts.weekday ?? 1) - 1
        let dayOfYear = calendar.ordinality(of: .day, in: .year, for: date) ?? 1
        let hour12 = hour % 12 == 0 ? 12 : hour % 12
        func padded(_ value: Int, _ width: Int, _ unpadded: Bool, _ pad: Character = "0") -> String {
            let digits = String(value)
            return unpadded ? digits : String(repeating: pad, count: max(0, width - digits.count)) + digits
        }
        var output = ""
        var characters = Array(format)[...]
        while let character = characters.popFirst() {
            guard character == "%", let next = characters.first else {
                output.append(character)
                continue
            }
            var directive = next
            characters.removeFirst()
            var unpadded = false
            if directive == "-", let following = characters.first {
                unpadded = true
                directive = following
                characters.removeFirst()
            }
            switch directive {
            case "d": output += padded(day, 2, unpadded)
            case "e": output += padded(day, 2, unpadded, " ")
            case "m": output += padded(month, 2, unpadded)
            case "Y": output += String(year)
            case "y": output += padded(year % 100, 2, unpadded)
            case "H": output += padded(hour, 2, unpadded)
            case "I": output += padded(hour12, 2, unpadded)
            case "M": output += padded(minute, 2, unpadded)
            case "S": output += padded(second, 2, unpadded)
            case "j": output += padded(dayOfYear, 3, unpadded)
            case "f": output += padded((parts.nanosecond ?? 0) / 1000, 6, false)
            case "p": output += hour < 12 ? "AM" : "PM"
            case "b", "h": output += String(monthNames[month - 1].prefix(3))
            case "B": output += monthNames[month - 1]
            case "a": output += String(dayNames[weekday].prefix(3))
            case "A": output += dayNames[weekday]
            case "w": output += String(weekday)
            case "u": output += String(weekday == 0 ? 7 : weekday)
            case "F": output += "\(year)-\(padded(month, 2, false))-\(padded(day, 2, false))"
            case "D": output += "\(padded(month, 2, false))/\(padded(day, 2, false))/\(padded(year % 100, 2, false))"
            case "T": output += "\(padded(hour, 2, false)):\(padded(minute, 2, false)):\(padded(second, 2, false))"
            case "R": output += "\(padded(hour, 2, false)):\(padded(minute, 2, false))"
            case "%": output += "%"
            default: output += "%" + (unpadded ? "-" : "") + String(directive)
            }
        }
        return output
    }
}
