using System;

namespace IotAdmin.Output
{
    /// <summary>
    /// An ErrorRecord without PowerShell: built here, in one place, for every failure a command reports; the
    /// cmdlet layer turns it into a System.Management.Automation.ErrorRecord field by field.
    /// </summary>
    internal sealed class IotErrorInfo
    {
        private IotErrorInfo(Exception exception, string errorId, IotErrorCategory category, object? target, string message, string recommendedAction, bool isTerminating)
        {
            Exception = exception;
            ErrorId = errorId;
            Category = category;
            TargetObject = target;
            Message = message;
            RecommendedAction = recommendedAction;
            IsTerminating = isTerminating;
        }

        public Exception Exception { get; }

        public string ErrorId { get; }

        public IotErrorCategory Category { get; }

        public object? TargetObject { get; }

        /// <summary>ErrorDetails.Message: what went wrong, in the server's words where it said something.</summary>
        public string Message { get; }

        /// <summary>ErrorDetails.RecommendedAction: the retry hint in words.</summary>
        public string RecommendedAction { get; }

        /// <summary>True for failures that stop the whole command (not connected, authentication failed).</summary>
        public bool IsTerminating { get; }

        public static IotErrorInfo FromApi(IotApiException e, object? target = null) =>
            new IotErrorInfo(e, e.ErrorId, e.Category, target ?? e.Target, e.Description, e.RecommendedAction, Errors.ErrorRules.EndsTheCommand(e));

        /// <summary>Bad input found before any request was sent.</summary>
        public static IotErrorInfo InvalidInput(string errorId, string message, object? target, string recommendedAction) =>
            new IotErrorInfo(new ArgumentException(message), errorId, IotErrorCategory.InvalidArgument, target, message, recommendedAction, false);

        /// <summary>Something asked for is not there (found out by a listing, not by a 404).</summary>
        public static IotErrorInfo NotFound(string errorId, string message, object? target, string recommendedAction) =>
            new IotErrorInfo(new System.Collections.Generic.KeyNotFoundException(message), errorId, IotErrorCategory.ObjectNotFound, target, message, recommendedAction, false);

        /// <summary>A local write failed (a file, its permissions): not an API failure and not bad input.</summary>
        public static IotErrorInfo WriteFailed(string errorId, Exception e, object? target, string recommendedAction) =>
            new IotErrorInfo(e, errorId, IotErrorCategory.WriteError, target, e.Message, recommendedAction, false);

        /// <summary>No session to use: terminating.</summary>
        public static IotErrorInfo NotConnected() =>
            new IotErrorInfo(new InvalidOperationException("Not connected to an IoT API. Run Connect-IotAdmin first, or pass -Session."), ClientErrorIds.NotConnected, IotErrorCategory.InvalidOperation, null, "Not connected to an IoT API. Run Connect-IotAdmin first, or pass -Session.", "Run Connect-IotAdmin, or pass -Session.", true);

        /// <summary>
        /// The session given (with -Session, or in use while another runspace disconnected it) is disconnected:
        /// terminating, with the same ErrorId as "not connected" so that scripts catch both alike.
        /// </summary>
        public static IotErrorInfo SessionDisconnected() =>
            new IotErrorInfo(new ObjectDisposedException("IotSession", "This session was disconnected (Disconnect-IotAdmin)."), ClientErrorIds.NotConnected, IotErrorCategory.InvalidOperation, null, "This session was disconnected (Disconnect-IotAdmin).", "Run Connect-IotAdmin -PassThru and pass the new session with -Session.", true);

        public override string ToString() => ErrorId + ": " + Message;
    }
}
