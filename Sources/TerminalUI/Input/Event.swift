/// An input event delivered to the application.
public enum Event: Hashable, Sendable {
    /// A decoded key press.
    case key(Key)
    /// Text pasted in one piece (bracketed paste), with line breaks normalised to `\n`.
    case paste(String)
    /// The terminal now has this size; the runtime has already resized its buffers.
    case resize(Size)
    /// A timer tick (the runtime's poll interval elapsed without input).
    case tick
}

/// Raw input as a backend reads it, before decoding: one scalar from `get_wch`, one key the
/// terminal library already recognised, a resize, or "nothing arrived within the wait".
public enum RawInput: Hashable, Sendable {
    case scalar(Unicode.Scalar)
    case key(Key)
    case resize(Size)
    case timeout
}
