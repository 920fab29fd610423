package dev.seedbank.sampling;

/**
 * Well-formed arguments for which the named torch release raises instead of yielding an
 * order; the message says what torch would have raised.
 */
public class TorchWouldRaiseException extends LibraryWouldRaiseException {

	public TorchWouldRaiseException(TorchVersion version, String raised) {
		super("torch", version.toString(), raised);
	}

}
