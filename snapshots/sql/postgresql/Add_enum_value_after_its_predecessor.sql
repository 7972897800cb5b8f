ALTER TYPE app.mood ADD VALUE 'meh' AFTER 'sad';

