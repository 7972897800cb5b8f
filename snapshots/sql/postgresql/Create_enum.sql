CREATE TYPE app.mood AS ENUM ('sad', 'it''s ok', 'happy');

