// The package's side effect alone defines the element.
import "drug-leaflet";
