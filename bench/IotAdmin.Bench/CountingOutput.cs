using System.Threading;
using IotAdmin.Output;

namespace IotAdmin.Bench
{
    /// <summary>An output sink that only counts (and says yes to ShouldProcess).</summary>
    internal sealed class CountingOutput : ICommandOutput
    {
        private int _objects;
        private int _errors;

        public int Objects => Volatile.Read(ref _objects);

        public int Errors => Volatile.Read(ref _errors);

        public object? FirstObject { get; private set; }

        public System.Action? OnFirstObject { get; set; }

        public void WriteObject(object item)
        {
            if (Interlocked.Increment(ref _objects) == 1)
            {
                FirstObject = item;
                OnFirstObject?.Invoke();
            }
        }

        public void WriteError(IotErrorInfo error) => Interlocked.Increment(ref _errors);

        public void WriteWarning(string message)
        {
        }

        public void WriteProgress(IotProgress progress)
        {
        }

        public void WriteInformation(object data, string[] tags)
        {
        }

        public bool ShouldProcess(string target, string action) => true;

        public void Verbose(string message)
        {
        }

        public void Debug(string message)
        {
        }
    }
}
