using BenchmarkDotNet.Running;

// The switcher takes BenchmarkDotNet's own arguments (--filter, --job, --list, …), which bench/micro.sh passes through.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
