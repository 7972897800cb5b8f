CREATE INDEX [ix]]
; DROP TABLE users] ON [t]]; DROP TABLE users; --  x] ([c'"]] ;[]);
GO

