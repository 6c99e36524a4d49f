/// A screen's table width when last drawn (a reference: drawing does not change the screen's value).
final class DrawnWidth: @unchecked Sendable {
    var width = 0
}
