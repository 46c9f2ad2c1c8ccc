using IotAdmin.Http;

namespace IotAdmin.Output
{
    /// <summary>An output that passes everything on to another; derived outputs override only what they change.</summary>
    internal abstract class ForwardingOutput : ICommandOutput
    {
        protected ForwardingOutput(ICommandOutput inner)
        {
            Inner = inner;
        }

        protected ICommandOutput Inner { get; }

        public virtual void WriteObject(object item) => Inner.WriteObject(item);

        public virtual void WriteError(IotErrorInfo error) => Inner.WriteError(error);

        public virtual void WriteWarning(string message) => Inner.WriteWarning(message);

        public virtual void WriteProgress(IotProgress progress) => Inner.WriteProgress(progress);

        public virtual void WriteInformation(object data, string[] tags) => Inner.WriteInformation(data, tags);

        public virtual bool ShouldProcess(string target, string action) => Inner.ShouldProcess(target, action);

        public virtual void Verbose(string message) => Inner.Verbose(message);

        public virtual void Debug(string message) => Inner.Debug(message);
    }
}
