ALTER TYPE app.mood RENAME VALUE 'sad' TO 'blue';

