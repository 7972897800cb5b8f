ALTER TYPE app.mood ADD VALUE 'awful' BEFORE 'sad';

