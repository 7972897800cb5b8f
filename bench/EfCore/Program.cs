// The model is only read by `dotnet ef`; running the program does nothing.
return 0;
