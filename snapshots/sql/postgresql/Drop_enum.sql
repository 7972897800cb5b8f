DROP TYPE app.mood;

